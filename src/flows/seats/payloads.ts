import { z } from 'zod';
import { purchaseRefSchema } from '../purchase/payloads';

/** Seat-change card payloads: ids and a version; the subscription is read again from Partner Center before use. */
const id = z.string().trim().min(1).max(100);

export const seatsSubscriptionPayload = purchaseRefSchema.extend({ subscriptionId: id });
/** Input.Number arrives as a string (docs/platform-notes.md, "Cards on phones"). */
export const seatsQuantityPayload = purchaseRefSchema.extend({
  quantity: z.string().max(12).optional().transform((v) => v?.trim() ?? ''),
});
/** "Lower to N at renewal": N is the total the rep typed, carried by the button and checked again on click. */
export const seatsRenewalQuantityPayload = purchaseRefSchema.extend({
  renewalQuantity: z.number().int().min(1).max(999_999_999),
});
