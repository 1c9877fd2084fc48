import { z } from 'zod';
import { purchaseRefSchema } from '../purchase/payloads';

/** Seat-change card payloads: ids and a version; the subscription is read again from Partner Center before use. */
const id = z.string().trim().min(1).max(100);

export const seatsSubscriptionPayload = purchaseRefSchema.extend({ subscriptionId: id });
/** Input.Number arrives as a string (docs/platform-notes.md, "Cards on phones"). */
export const seatsQuantityPayload = purchaseRefSchema.extend({
  quantity: z.string().max(12).optional().transform((v) => v?.trim() ?? ''),
});
