import { z } from 'zod';
import { BILLING_CYCLES } from '../../partner-center/schemas';

/** Where a seat change stands: each step is one card. */
const SEATS_STEPS = ['customer', 'subscription', 'quantity', 'review'] as const;

/** The subscription being changed, as Partner Center described it when the rep picked it. */
const seatSubscriptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  offerId: z.string(),
  quantity: z.number().int(),
  termDuration: z.string().optional(),
  billingCycle: z.enum(BILLING_CYCLES).optional(),
  commitmentEndDate: z.string().optional(),
});
export type SeatSubscription = z.infer<typeof seatSubscriptionSchema>;

/**
 * The change the rep asked for, stored before it is sent, so a lost answer is resolved by reading the
 * subscription back (verdictFromReadBack) and an undo knows what to go back to. `to` is a new total.
 */
const seatChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quantity'), from: z.number().int().positive(), to: z.number().int().positive() }),
  z.object({ kind: z.literal('cancel'), quantity: z.number().int() }),
]);
export type SeatChange = z.infer<typeof seatChangeSchema>;

export const seatsStateSchema = z.object({
  step: z.enum(SEATS_STEPS),
  subscription: seatSubscriptionSchema.optional(),
  change: seatChangeSchema.optional(),
  /** A cancellation's window and refund as shown on its confirmation. */
  cancelWindow: z.object({ until: z.string(), refund: z.enum(['full', 'partial']) }).optional(),
  /** The purchase this one takes back (Undo on its result card). */
  undoOf: z.string().optional(),
  /**
   * Undo of a placed purchase (cart, order, add-on): the subscriptions it made that are cancelled, each
   * PATCHed under its own MS-RequestId, fixed when the undo is stored so a repeat is deduplicated.
   */
  undoLines: z.array(z.object({
    subscriptionId: z.string(),
    name: z.string(),
    quantity: z.number().int(),
    requestId: z.string(),
  })).min(1).optional(),
});
