import type { WireLink } from '../resources/links';
import type { BillingCycle, ParticipantKey } from './enums';

/** The shapes the sandbox answers with (cart-resources, order-resources, subscription-resources). */

/** Per unit per billing period; extendedPrice covers the whole term for every unit. */
export interface Pricing {
  listPrice: number;
  discountedPrice: number;
  proratedPrice: number;
  price: number;
  extendedPrice: number;
}

/** A line-level validation failure, returned inside a 201 cart; errorCode is an integer on the wire. */
export interface CartError {
  errorCode: number;
  errorDescription: string;
}

interface Participant {
  key: ParticipantKey;
  value: string;
}

/** A cart line as stored and answered: validated (`error`), grouped (`orderGroup`) and priced. */
export interface CartLine {
  id: number;
  catalogItemId: string;
  friendlyName?: string;
  quantity: number;
  currencyCode: string;
  billingCycle: BillingCycle;
  termDuration?: string;
  customTermEndDate?: string;
  promotionId?: string;
  participants?: Participant[];
  provisioningContext: Record<string, string>;
  renewsTo?: { termDuration: string };
  attestationAccepted?: boolean;
  orderGroup?: string;
  pricing?: Pricing;
  error?: CartError;
}

export interface SubscriptionResource {
  id: string;
  entitlementId: string;
  offerId: string;
  offerName: string;
  friendlyName: string;
  productType: { id: string; displayName: string };
  quantity: number;
  unitType: string;
  parentSubscriptionId?: string;
  creationDate: string;
  effectiveStartDate: string;
  commitmentEndDate?: string;
  /** Only on subscriptions with a cancellation window (rules/change-windows.ts). */
  cancellationAllowedUntilDate?: string;
  status: 'active' | 'suspended' | 'deleted';
  autoRenewEnabled: boolean;
  billingType: 'usage' | 'license';
  billingCycle: BillingCycle;
  hasPurchasableAddons: boolean;
  isTrial: boolean;
  termDuration?: string;
  promotionId?: string;
  /** NCE licence-based only: one entry per batch of seats still inside its reduction window. */
  refundableQuantity?: RefundableQuantity;
  scheduledNextTermInstructions?: ScheduledNextTermInstructions;
  isMicrosoftProduct: boolean;
  partnerId?: string;
  contractType: 'subscription';
  orderId: string;
  links: Record<string, WireLink>;
  attributes: { etag: string; objectType: 'Subscription' };
}

export interface RefundableBatch {
  quantity: number;
  allowedUntilDateTime: string;
}

export interface RefundableQuantity {
  totalQuantity: number;
  details: RefundableBatch[];
}

/** What the subscription renews into (subscription-resources.md); the sandbox renews nothing itself. */
export interface ScheduledNextTermInstructions {
  product: { productId: string; skuId: string; availabilityId: string; billingCycle: BillingCycle; termDuration: string; promotionId?: string };
  quantity: number;
  customTermEndDate?: string;
}
