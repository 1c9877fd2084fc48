import { z } from 'zod';
import { attributesSchema, billingCycleSchema, linksSchema, pricingSchema, termDurationSchema } from './common';
import { orderSchema } from './order';

export const PARTICIPANT_KEYS = ['transaction_reseller', 'additional_transaction_reseller', 'consumption_reseller'] as const;

/** Indirect-reseller attribution; the service accepts at most 5 `additional_transaction_reseller` entries. */
export const participantSchema = z.looseObject({
  key: z.string(),
  value: z.string(),
});
export type Participant = z.infer<typeof participantSchema>;

/** Line-level validation failure, returned inside a 201 cart. `errorCode` is an integer on the wire. */
export const cartErrorSchema = z.looseObject({
  errorCode: z.number().int(),
  errorDescription: z.string().nullish(),
  additionalInformation: z.record(z.string(), z.unknown()).nullish(),
});
export type CartError = z.infer<typeof cartErrorSchema>;

export const renewsToSchema = z.looseObject({ termDuration: termDurationSchema });

const cartLineItemShape = {
  id: z.number().int().nullish(),
  catalogItemId: z.string().min(1),
  friendlyName: z.string().nullish(),
  quantity: z.number().int(),
  currencyCode: z.string().nullish(),
  billingCycle: billingCycleSchema,
  termDuration: termDurationSchema.nullish(),
  promotionId: z.string().nullish(),
  customTermEndDate: z.string().nullish(),
  participants: z.array(participantSchema).nullish(),
  provisioningContext: z.record(z.string(), z.string()).nullish(),
  orderGroup: z.string().nullish(),
  /** Docs call it "Array of objects"; every example and the SDK use a single object. */
  renewsTo: renewsToSchema.nullish(),
  attestationAccepted: z.boolean().nullish(),
  error: cartErrorSchema.nullish(),
  pricing: pricingSchema.nullish(),
};

/** Legacy carts nest add-ons under their base line; new commerce uses separate top-level lines. */
export const cartLineItemSchema = z.looseObject({
  ...cartLineItemShape,
  addonItems: z.array(z.looseObject(cartLineItemShape)).nullish(),
});
export type CartLineItem = z.infer<typeof cartLineItemSchema>;
export type CartLineItemInput = z.input<typeof cartLineItemSchema>;

export const cartSchema = z.looseObject({
  id: z.string().nullish(),
  creationTimestamp: z.string().nullish(),
  lastModifiedTimestamp: z.string().nullish(),
  expirationTimestamp: z.string().nullish(),
  lastModifiedUser: z.string().nullish(),
  lineItems: z.array(cartLineItemSchema),
  /** `Active` (can be updated/checked out) or `Ordered` (already submitted). */
  status: z.string().nullish(),
  partnerOnRecordAttestationAccepted: z.boolean().nullish(),
  links: linksSchema.nullish(),
  attributes: attributesSchema.nullish(),
});
export type Cart = z.infer<typeof cartSchema>;
export type CartInput = z.input<typeof cartSchema>;

export const orderErrorSchema = z.looseObject({
  orderGroupId: z.string().nullish(),
  code: z.union([z.number(), z.string()]),
  description: z.string().nullish(),
});
export type OrderError = z.infer<typeof orderErrorSchema>;

/** One order per order group that succeeded, one error per group that failed: partial success is normal. */
export const cartCheckoutResultSchema = z.looseObject({
  orders: z.array(orderSchema).nullish(),
  orderErrors: z.array(orderErrorSchema).nullish(),
  attributes: attributesSchema.nullish(),
});
export type CartCheckoutResult = z.infer<typeof cartCheckoutResultSchema>;
