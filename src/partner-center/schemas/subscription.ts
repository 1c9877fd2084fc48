import { z } from 'zod';
import { attributesSchema, billingCycleSchema, linksSchema } from './common';

/** One batch of seats that may still be taken back, until `allowedUntilDateTime` (subscription-resources.md). */
export const refundableBatchSchema = z.looseObject({
  quantity: z.number().int(),
  allowedUntilDateTime: z.string(),
});
export type RefundableBatch = z.infer<typeof refundableBatchSchema>;

/** What the subscription renews into; a lower `quantity` here is how seats go down after the window. */
export const scheduledNextTermInstructionsSchema = z.looseObject({
  product: z.looseObject({
    productId: z.string(),
    skuId: z.string(),
    availabilityId: z.string(),
    billingCycle: z.string(),
    termDuration: z.string(),
    promotionId: z.string().nullish(),
  }),
  quantity: z.number().int(),
  customTermEndDate: z.string().nullish(),
});
export type ScheduledNextTermInstructions = z.infer<typeof scheduledNextTermInstructionsSchema>;

export const subscriptionSchema = z.looseObject({
  id: z.string(),
  entitlementId: z.string().nullish(),
  offerId: z.string(),
  offerName: z.string().nullish(),
  friendlyName: z.string().nullish(),
  productType: z.looseObject({ id: z.string(), displayName: z.string().nullish() }).nullish(),
  quantity: z.number().int(),
  unitType: z.string().nullish(),
  parentSubscriptionId: z.string().nullish(),
  creationDate: z.string().nullish(),
  effectiveStartDate: z.string().nullish(),
  commitmentEndDate: z.string().nullish(),
  cancellationAllowedUntilDate: z.string().nullish(),
  status: z.string(),
  autoRenewEnabled: z.boolean().nullish(),
  billingType: z.string().nullish(),
  billingCycle: billingCycleSchema.nullish(),
  hasPurchasableAddons: z.boolean().nullish(),
  isTrial: z.boolean().nullish(),
  termDuration: z.string().nullish(),
  /** NCE licence-based: the seats that can still be reduced, batch by batch (change-the-quantity-of-a-subscription.md). */
  refundableQuantity: z.looseObject({ totalQuantity: z.number().int(), details: z.array(refundableBatchSchema).nullish() }).nullish(),
  /** Full or partial refund on cancellation, each until `expiresAt`. */
  refundOptions: z.array(z.looseObject({ type: z.string(), expiresAt: z.string().nullish() })).nullish(),
  scheduledNextTermInstructions: scheduledNextTermInstructionsSchema.nullish(),
  /** The order that bought it: an add-on PATCHes this order (seed New-PartnerCustomerOrder example 2). */
  orderId: z.string().nullish(),
  partnerId: z.string().nullish(),
  links: linksSchema.nullish(),
  attributes: attributesSchema.nullish(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/**
 * A subscription read in order to change it: PATCH must send it back whole with `If-Match` its etag
 * (test-and-debug.md: etags are temporary, re-read before use), so an answer without one is unusable.
 */
export const subscriptionForUpdateSchema = subscriptionSchema
  .extend({ attributes: attributesSchema.extend({ etag: z.string().min(1) }) })
  .transform((subscription) => ({ subscription: subscription as Subscription, etag: subscription.attributes.etag }));
export type SubscriptionForUpdate = z.output<typeof subscriptionForUpdateSchema>;
