import { z } from 'zod';
import { requestResource } from './bind-keys';
import { billingCycleSchema, termDurationSchema } from './enums';
import { failWithCode } from './partner-center-issue';

/**
 * The Order a client may send to POST /customers/{id}/orders (create-an-order) or PATCH …/orders/{id}
 * (purchase-an-add-on-to-a-subscription, whose sample sends "Id": null, "CreationDate": null and the
 * attributes), written from order-resources and the SDK's Order model. Service-set properties are
 * accepted and ignored; `status` is not: the service refuses any value with code 0
 * (PartnerCenterPowerShellModule PR #51: "The provided value 'none' is not a valid OrderStatus.").
 */
const readOnly = z.unknown().optional();

const status = z.unknown().optional().superRefine((value, ctx) => {
  if (value !== undefined && value !== null) {
    failWithCode(ctx, 0, `The provided value '${String(value)}' is not a valid OrderStatus.`);
  }
});

const orderLineRequestSchema = requestResource({
  lineItemNumber: z.number().int(),
  /** A legacy offer id, or the new-commerce catalogItemId `product:sku:availability`. */
  offerId: z.string().min(1),
  subscriptionId: readOnly,
  parentSubscriptionId: z.string().nullish(),
  friendlyName: z.string().nullish(),
  quantity: z.number().int(),
  termDuration: termDurationSchema.nullish(),
  customTermEndDate: z.string().nullish(),
  promotionId: z.string().nullish(),
  renewsTo: requestResource({ termDuration: termDurationSchema }).nullish(),
  partnerIdOnRecord: z.string().nullish(),
  additionalPartnerIdsOnRecord: z.array(z.string()).nullish(),
  provisioningContext: z.record(z.string(), z.string()).nullish(),
  attestationAccepted: z.boolean().nullish(),
  transactionType: readOnly,
  pricing: readOnly,
  purchaseCommitment: readOnly,
  links: readOnly,
  attributes: readOnly,
});
export type OrderLineRequest = z.output<typeof orderLineRequestSchema>;

export const orderRequestSchema = requestResource({
  id: readOnly,
  alternateId: readOnly,
  referenceCustomerId: z.string().nullish(),
  billingCycle: billingCycleSchema.nullish(),
  currencyCode: readOnly,
  currencySymbol: readOnly,
  lineItems: z.array(orderLineRequestSchema).min(1),
  creationDate: readOnly,
  status,
  transactionType: readOnly,
  totalPrice: readOnly,
  partnerOnRecordAttestationAccepted: z.boolean().nullish(),
  client: readOnly,
  links: readOnly,
  attributes: readOnly,
});
