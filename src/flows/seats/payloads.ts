import { z } from 'zod';
import { purchaseRefSchema } from '../purchase/payloads';
import { quantityInputSchema } from '../quantity';

/** Seat-change card payloads: ids and a version; the subscription is read again from Partner Center before use. */
const id = z.string().trim().min(1).max(100);

export const seatsSubscriptionPayload = purchaseRefSchema.extend({ subscriptionId: id });
/** The new total, as text or a number (quantityInputSchema). */
export const seatsQuantityPayload = purchaseRefSchema.extend({ quantity: quantityInputSchema });
