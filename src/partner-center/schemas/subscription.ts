import { z } from 'zod';
import { attributesSchema, billingCycleSchema, linksSchema } from './common';

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
  /** The order that bought it: an add-on PATCHes this order (seed New-PartnerCustomerOrder example 2). */
  orderId: z.string().nullish(),
  partnerId: z.string().nullish(),
  links: linksSchema.nullish(),
  attributes: attributesSchema.nullish(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;
