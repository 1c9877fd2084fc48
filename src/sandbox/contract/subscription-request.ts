import { z } from 'zod';
import { requestResource } from './bind-keys';
import { billingCycleSchema, matchEnum, termDurationSchema } from './enums';
import { failWithCode } from './partner-center-issue';

/**
 * The Subscription a client sends to PATCH /customers/{id}/subscriptions/{id}: the whole resource as
 * just read (change-the-quantity-of-a-subscription.md, cancel-an-azure-marketplace-subscription.md send
 * it back with one property changed). What the service sets is accepted and ignored; what a partner may
 * change is validated; a key the resource does not have is refused.
 */
const readOnly = z.unknown().optional();

const SUBSCRIPTION_STATUSES = ['active', 'suspended', 'deleted', 'none', 'pending', 'expired', 'disabled'] as const;
type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

const statusSchema = z.string().transform((raw, ctx): SubscriptionStatus => {
  const found = matchEnum(SUBSCRIPTION_STATUSES, raw.trim());
  if (found) return found;
  // error-codes.md 900126 "Unable to parse enum", as for every other enum.
  failWithCode(ctx, 900126, `Unable to parse enum: '${raw}' is not a valid SubscriptionStatus.`);
  return z.NEVER;
});

const scheduledNextTermRequestSchema = requestResource({
  product: requestResource({
    productId: z.string().min(1),
    skuId: z.string().min(1),
    availabilityId: z.string().min(1),
    billingCycle: billingCycleSchema,
    termDuration: termDurationSchema,
    promotionId: z.string().nullish(),
  }),
  quantity: z.number().int(),
  customTermEndDate: z.string().nullish(),
});

export const subscriptionPatchSchema = requestResource({
  quantity: z.number().int().optional(),
  status: statusSchema.optional(),
  autoRenewEnabled: z.boolean().nullish(),
  friendlyName: z.string().nullish(),
  scheduledNextTermInstructions: scheduledNextTermRequestSchema.nullish(),
  id: readOnly,
  entitlementId: readOnly,
  offerId: readOnly,
  offerName: readOnly,
  productType: readOnly,
  unitType: readOnly,
  parentSubscriptionId: readOnly,
  consumptionType: readOnly,
  creationDate: readOnly,
  effectiveStartDate: readOnly,
  commitmentEndDate: readOnly,
  commitmentEndDateTime: readOnly,
  cancellationAllowedUntilDate: readOnly,
  billingCycleEndDate: readOnly,
  billingCycleEndDateTime: readOnly,
  billingType: readOnly,
  billingCycle: readOnly,
  hasPurchasableAddons: readOnly,
  isTrial: readOnly,
  actions: readOnly,
  termDuration: readOnly,
  renewalTermDuration: readOnly,
  refundOptions: readOnly,
  refundableQuantity: readOnly,
  isMicrosoftProduct: readOnly,
  partnerId: readOnly,
  suspensionReasons: readOnly,
  contractType: readOnly,
  publisherName: readOnly,
  promotionId: readOnly,
  migratedFromSubscriptionId: readOnly,
  nextChargeInstructions: readOnly,
  orderId: readOnly,
  attentionNeeded: readOnly,
  actionTaken: readOnly,
  links: readOnly,
  attributes: readOnly,
});
export type SubscriptionPatch = z.output<typeof subscriptionPatchSchema>;
