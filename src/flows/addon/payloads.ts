import { z } from 'zod';
import { partnerCenterIdSchema, purchaseRefSchema } from '../purchase/payloads';
import { quantityInputSchema } from '../quantity';

/** Add-on card payloads: ids and a version; every id is reloaded from Partner Center before use. */
export const addOnSubscriptionPayload = purchaseRefSchema.extend({ subscriptionId: partnerCenterIdSchema });
export const addOnChoicePayload = purchaseRefSchema.extend({ addOnId: partnerCenterIdSchema });
/** The quantity as text or a number (quantityInputSchema); the toggle as "true"/"false" (docs/platform-notes.md, "Cards on phones"). */
export const addOnBuyPayload = purchaseRefSchema.extend({
  quantity: quantityInputSchema,
  attest: z.enum(['true', 'false']).default('false'),
});
