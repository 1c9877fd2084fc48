import { z } from 'zod';
import { partnerCenterIdSchema, purchaseRefSchema } from '../purchase/payloads';

/** Add-on card payloads: ids and a version; every id is reloaded from Partner Center before use. */
export const addOnSubscriptionPayload = purchaseRefSchema.extend({ subscriptionId: partnerCenterIdSchema });
export const addOnChoicePayload = purchaseRefSchema.extend({ addOnId: partnerCenterIdSchema });
/** Input.Number arrives as a string (docs/platform-notes.md, "Cards on phones"); the toggle as "true"/"false". */
export const addOnBuyPayload = purchaseRefSchema.extend({
  quantity: z.string().max(12).optional().transform((v) => v?.trim() ?? ''),
  attest: z.enum(['true', 'false']).default('false'),
});
