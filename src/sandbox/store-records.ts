import type { BillingCycle } from './contract/enums';
import type { CartLine, Pricing, SubscriptionResource } from './contract/resources';
import type { Purchasable } from './catalog';

export interface CartRecord {
  id: string;
  customerId: string;
  creationTimestamp: Date;
  lastModifiedTimestamp: Date;
  expirationTimestamp: Date;
  lastModifiedUser: string;
  status: 'Active' | 'Ordered';
  partnerOnRecordAttestationAccepted?: boolean;
  /** Wire-shaped, already validated (line `error`), grouped (`orderGroup`) and priced. */
  lineItems: CartLine[];
  /** Kept so a repeated checkout "re-iterates the information returned after initial checkout". */
  checkoutResult?: StoredCheckoutResult;
}

/** CartCheckoutResult as answered: one order per successful group, one error per failed group. */
export interface StoredCheckoutResult {
  orders: Record<string, unknown>[];
  orderErrors?: { orderGroupId: string; code: number; description: string }[];
  attributes: { objectType: 'CartCheckoutResult' };
}

export interface OrderLineRecord {
  lineItemNumber: number;
  offerId: string;
  friendlyName: string;
  quantity: number;
  billingCycle: BillingCycle;
  termDuration?: string;
  customTermEndDate?: string;
  promotionId?: string;
  renewsTo?: { termDuration: string };
  partnerIdOnRecord?: string;
  additionalPartnerIdsOnRecord?: string[];
  provisioningContext?: Record<string, string>;
  attestationAccepted?: boolean;
  parentSubscriptionId?: string;
  pricing: Partial<Pricing>;
  /** Filled when the order is provisioned. */
  subscriptionId?: string;
  purchasable: Purchasable;
}

export interface OrderRecord {
  id: string;
  customerId: string;
  billingCycle: BillingCycle;
  currencyCode: string;
  creationDate: Date;
  lineItems: OrderLineRecord[];
  partnerOnRecordAttestationAccepted?: boolean;
  /** Set once provisioning ran: subscriptions exist and line subscription ids are filled. */
  provisioned: boolean;
  /** Bumped on every change; becomes `attributes.etag`. */
  version: number;
}

export interface SubscriptionRecord {
  customerId: string;
  resource: SubscriptionResource;
}
