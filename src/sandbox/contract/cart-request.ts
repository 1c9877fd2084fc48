import { z } from 'zod';
import { requestResource } from './bind-keys';
import { billingCycleSchema, participantKeySchema, termDurationSchema } from './enums';

/**
 * The Cart a client may send to POST/PUT /customers/{id}/carts, written from create-a-cart and
 * cart-resources (property tables, request samples) and the .NET SDK's Cart model. Properties the service
 * sets itself (id, timestamps, status, orderGroup, pricing, error, links) are accepted and ignored, since
 * the SDK sends the whole resource back on update.
 */
const readOnly = z.unknown().optional();

const participantSchema = requestResource({ key: participantKeySchema, value: z.string().min(1) });

const cartLineShape = {
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
  /** A dictionary: its keys are the SKU's provisioningVariables and are looked up ignoring case. */
  provisioningContext: z.record(z.string(), z.string()).nullish(),
  /** A single object in every sample and in the SDK, although the property table says "Array of objects". */
  renewsTo: requestResource({ termDuration: termDurationSchema }).nullish(),
  attestationAccepted: z.boolean().nullish(),
  purchaseSystem: z.string().nullish(),
  orderGroup: readOnly,
  error: readOnly,
  pricing: readOnly,
  links: readOnly,
  attributes: readOnly,
};

/** Legacy carts nest add-ons under their base line (create-a-cart-with-add-ons); new commerce does not. */
const cartLineRequestSchema = requestResource({
  ...cartLineShape,
  addonItems: z.array(requestResource(cartLineShape)).nullish(),
});
export type CartLineRequest = z.output<typeof cartLineRequestSchema>;

export const cartRequestSchema = requestResource({
  id: readOnly,
  creationTimestamp: readOnly,
  lastModifiedTimestamp: readOnly,
  expirationTimestamp: readOnly,
  lastModifiedUser: readOnly,
  status: readOnly,
  links: readOnly,
  attributes: readOnly,
  /** "You must have at least one cart line item" (create-a-cart). */
  lineItems: z.array(cartLineRequestSchema).min(1),
  partnerOnRecordAttestationAccepted: z.boolean().nullish(),
});
