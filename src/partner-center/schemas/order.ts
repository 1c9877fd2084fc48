import { z } from 'zod';
import { attributesSchema, billingCycleSchema, linksSchema, pricingSchema, termDurationSchema } from './common';

export const orderLineItemSchema = z.looseObject({
  lineItemNumber: z.number().int(),
  /** Legacy offer id, or the new-commerce catalogItemId `product:sku:availability`. */
  offerId: z.string().min(1),
  subscriptionId: z.string().nullish(),
  /** Only on PATCH (add-on to an existing subscription); POST answers code 2000. */
  parentSubscriptionId: z.string().nullish(),
  friendlyName: z.string().nullish(),
  quantity: z.number().int(),
  termDuration: termDurationSchema.nullish(),
  customTermEndDate: z.string().nullish(),
  promotionId: z.string().nullish(),
  renewsTo: z.looseObject({ termDuration: termDurationSchema }).nullish(),
  transactionType: z.string().nullish(),
  partnerIdOnRecord: z.string().nullish(),
  additionalPartnerIdsOnRecord: z.array(z.string()).nullish(),
  provisioningContext: z.record(z.string(), z.string()).nullish(),
  attestationAccepted: z.boolean().nullish(),
  pricing: pricingSchema.nullish(),
  links: linksSchema.nullish(),
  attributes: attributesSchema.nullish(),
});
export type OrderLineItem = z.infer<typeof orderLineItemSchema>;

export const orderSchema = z.looseObject({
  id: z.string().nullish(),
  alternateId: z.string().nullish(),
  referenceCustomerId: z.string().nullish(),
  billingCycle: billingCycleSchema.nullish(),
  currencyCode: z.string().nullish(),
  currencySymbol: z.string().nullish(),
  lineItems: z.array(orderLineItemSchema),
  creationDate: z.string().nullish(),
  /** `pending` until provisioned, then `completed` (also cancelled, suspended, …). Never sent on create. */
  status: z.string().nullish(),
  transactionType: z.string().nullish(),
  totalPrice: z.number().nullish(),
  partnerOnRecordAttestationAccepted: z.boolean().nullish(),
  links: linksSchema.nullish(),
  attributes: attributesSchema.nullish(),
});
export type Order = z.infer<typeof orderSchema>;
export type OrderInput = z.input<typeof orderSchema>;

export const lineItemProvisioningStatusSchema = z.looseObject({
  orderLineItemId: z.number().int().nullish(),
  lineItemNumber: z.number().int().nullish(),
  status: z.string(),
  quantityProvisioningInformation: z.array(z.looseObject({ quantity: z.number(), status: z.string() })).nullish(),
});
export type LineItemProvisioningStatus = z.infer<typeof lineItemProvisioningStatusSchema>;
