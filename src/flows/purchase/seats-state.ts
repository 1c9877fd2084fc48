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
 * What is still possible once the windows have closed acts on the renewal: auto-renew off, or a lower
 * quantity from the next term on (`quantity`, with `from` the total now and `scheduledBefore` the
 * quantity an earlier schedule named, so someone else's schedule in between is not overwritten).
 */
const seatChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quantity'), from: z.number().int().positive(), to: z.number().int().positive() }),
  z.object({ kind: z.literal('cancel'), quantity: z.number().int() }),
  z.object({ kind: z.literal('auto_renew'), enabled: z.literal(false) }),
  z.object({
    kind: z.literal('scheduled_quantity'), from: z.number().int().positive(), quantity: z.number().int().positive(),
    scheduledBefore: z.number().int().optional(),
  }),
]);
export type SeatChange = z.infer<typeof seatChangeSchema>;

/**
 * Partner Center's price of one licence of the subscription's offer, term and billing cycle: a cart of
 * that offer created and priced, never checked out (a subscription PATCH quotes no price). Absent when
 * Partner Center gave none: the cards then say so.
 */
const seatPriceSchema = z.object({
  /** Per licence per billing period. */
  unitPrice: z.number(),
  currency: z.string(),
  billingCycle: z.enum(BILLING_CYCLES),
  termDuration: z.string().optional(),
  /** One licence for the whole term (the cart's extendedPrice per licence), when Partner Center gave it. */
  unitTermTotal: z.number().optional(),
});
export type SeatPrice = z.infer<typeof seatPriceSchema>;

export const seatsStateSchema = z.object({
  step: z.enum(SEATS_STEPS),
  subscription: seatSubscriptionSchema.optional(),
  change: seatChangeSchema.optional(),
  /** A cancellation's window and refund as shown on its confirmation. */
  cancelWindow: z.object({ until: z.string(), refund: z.enum(['full', 'partial']) }).optional(),
  /** The price of one licence, quoted when the new total was reviewed. */
  price: seatPriceSchema.optional(),
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
