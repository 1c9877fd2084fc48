import { z } from 'zod';
import { customerIdSchema } from '../customer/customer-payloads';
import { purchaseRefSchema } from '../purchase/payloads';

/** Add-on card payloads: ids and a version; every id is reloaded from Partner Center before use. */
const id = z.string().trim().min(1).max(100);

export const addOnSubscriptionPayload = purchaseRefSchema.extend({ subscriptionId: id });
export const addOnChoicePayload = purchaseRefSchema.extend({ addOnId: id });
/** Input.Number arrives as a string (docs/platform-notes.md, "Cards on phones"); the toggle as "true"/"false". */
export const addOnBuyPayload = purchaseRefSchema.extend({
  quantity: z.string().max(12).optional().transform((v) => v?.trim() ?? ''),
  attest: z.enum(['true', 'false']).default('false'),
});
/** From a subscription shown on another card (status): starts a new add-on purchase for it. */
export const addOnForSubscriptionPayload = z.object({ customerId: customerIdSchema, subscriptionId: id });
