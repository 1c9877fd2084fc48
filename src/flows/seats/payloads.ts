import { z } from 'zod';
import { purchaseRefSchema } from '../purchase/payloads';
import { quantityInputSchema } from '../quantity';

/** Seat-change card payloads: ids and a version; the subscription is read again from Partner Center before use. */
const id = z.string().trim().min(1).max(100);

export const seatsSubscriptionPayload = purchaseRefSchema.extend({ subscriptionId: id });
/** The new total, as text or a number (quantityInputSchema). */
export const seatsQuantityPayload = purchaseRefSchema.extend({ quantity: quantityInputSchema });
/** "Lower to N at renewal": N is the total the rep typed, carried by the button and checked again on click. */
export const seatsRenewalQuantityPayload = purchaseRefSchema.extend({
  renewalQuantity: z.number().int().min(1).max(999_999_999),
});
