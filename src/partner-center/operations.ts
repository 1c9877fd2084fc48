import type {
  Availability, Cart, CartCheckoutResult, CartInput, Customer, CustomTermEndDate, LineItemProvisioningStatus, Offer, Order,
  OrderInput, Product, Sku, Subscription, SubscriptionForUpdate,
} from './schemas';
import type { PartnerCenterError } from './errors';

/**
 * What a subscription PATCH can end in besides a thrown failure: applied, or refused with 412 because
 * the subscription changed since it was read (its etag no longer matches). The second is an answer,
 * not an error: re-read, show the rep the new state, never overwrite it silently.
 */
export type SubscriptionUpdate =
  | { outcome: 'updated'; subscription: Subscription }
  | { outcome: 'changed_meanwhile'; error: PartnerCenterError };

/**
 * Per-call context. `correlationId` is one per conversation flow (MS-CorrelationId); `locale` becomes
 * X-Locale. `requestId` (MS-RequestId) is set by callers that must be able to repeat a mutating
 * operation after a crash or timeout: Partner Center dedupes on it, so the same logical operation keeps
 * the same id across every retry (headers.md). When absent, the client makes one per operation.
 */
export interface CallContext {
  correlationId: string;
  locale: string;
  requestId?: string;
}

/** Reads only. A dry-run preview receives this and so has no way to buy anything (docs/architecture.md, rule 9). */
export interface PartnerCenterReader {
  searchCustomers(ctx: CallContext, prefix: string, size?: number): Promise<Customer[]>;
  getCustomer(ctx: CallContext, customerId: string): Promise<Customer>;
  listProducts(ctx: CallContext, customerId: string, targetView: string): Promise<Product[]>;
  listSkus(ctx: CallContext, customerId: string, productId: string): Promise<Sku[]>;
  getSku(ctx: CallContext, customerId: string, productId: string, skuId: string): Promise<Sku>;
  listAvailabilities(ctx: CallContext, customerId: string, productId: string, skuId: string): Promise<Availability[]>;
  /** Uncached: availability ids rotate, so this is re-read right before checkout (400019). */
  getAvailability(
    ctx: CallContext, customerId: string, productId: string, skuId: string, availabilityId: string,
  ): Promise<Availability>;
  getOffer(ctx: CallContext, offerId: string, country: string): Promise<Offer>;
  listOfferAddons(ctx: CallContext, offerId: string, country: string): Promise<Offer[]>;
  listSubscriptions(ctx: CallContext, customerId: string): Promise<Subscription[]>;
  getSubscription(ctx: CallContext, customerId: string, subscriptionId: string): Promise<Subscription>;
  /** The subscription with the etag a change must send as If-Match; an answer without an etag is invalid_response. */
  getSubscriptionForUpdate(ctx: CallContext, customerId: string, subscriptionId: string): Promise<SubscriptionForUpdate>;
  listSubscriptionsByOrder(ctx: CallContext, customerId: string, orderId: string): Promise<Subscription[]>;
  /** The end dates a new subscription of this term may take (custom-term-end-dates): new purchases only. */
  listCustomTermEndDates(ctx: CallContext, customerId: string, termDuration: string): Promise<CustomTermEndDate[]>;
  getCart(ctx: CallContext, customerId: string, cartId: string): Promise<Cart>;
  getOrder(ctx: CallContext, customerId: string, orderId: string): Promise<Order>;
  listOrders(ctx: CallContext, customerId: string): Promise<Order[]>;
  /** App+User credentials only; app-only callers get 403 900329 and should read the order instead. */
  getOrderProvisioningStatus(ctx: CallContext, customerId: string, orderId: string): Promise<LineItemProvisioningStatus[]>;
}

/** Everything that changes Partner Center state. */
export interface PartnerCenterClient extends PartnerCenterReader {
  createCart(ctx: CallContext, customerId: string, cart: CartInput): Promise<Cart>;
  updateCart(ctx: CallContext, customerId: string, cartId: string, cart: CartInput): Promise<Cart>;
  checkoutCart(ctx: CallContext, customerId: string, cartId: string): Promise<CartCheckoutResult>;
  createOrder(ctx: CallContext, customerId: string, order: OrderInput): Promise<Order>;
  /** Legacy add-on: PATCH the base subscription's order with a line carrying `parentSubscriptionId`. */
  addAddOnToOrder(ctx: CallContext, customerId: string, orderId: string, order: OrderInput): Promise<Order>;
  /**
   * PATCH the whole `subscription` as read by getSubscriptionForUpdate (quantity = the new total,
   * `status: "deleted"`, `autoRenewEnabled`, `scheduledNextTermInstructions`), If-Match `etag`.
   * A 412 comes back as `changed_meanwhile`; every other failure throws a PartnerCenterError.
   */
  updateSubscription(ctx: CallContext, customerId: string, subscription: Subscription, etag: string): Promise<SubscriptionUpdate>;
}
