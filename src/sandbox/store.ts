import { cartNotFound, customerNotFound, orderNotFound, subscriptionNotFound } from './errors';
import { customers, type CustomerFixture } from './data/customers';
import type { CustomerFacts } from './rules/line-rules';
import type { CartRecord, OrderRecord, SubscriptionRecord } from './store-records';

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export type CustomerSearchField = 'companyName' | 'domain';

/** All mutable sandbox state: carts, orders, subscriptions, and which carts are being checked out. */
export class SandboxStore {
  private readonly carts = new Map<string, CartRecord>();
  private readonly orders = new Map<string, OrderRecord>();
  private readonly subscriptions = new Map<string, SubscriptionRecord>();
  private readonly checkoutsInProgress = new Set<string>();
  private saves = 0;

  /** Moves with every saved cart, order or subscription: a durable sandbox writes its state only when it moved. */
  revision(): number {
    return this.saves;
  }

  customer(customerId: string): CustomerFixture {
    const found = customers.find((customer) => sameId(customer.id, customerId));
    if (!found) throw customerNotFound(customerId);
    return found;
  }

  /** get-a-customer-by-name.md: only `starts_with`, case-insensitive. */
  searchCustomers(field: CustomerSearchField | undefined, prefix: string): CustomerFixture[] {
    const wanted = prefix.toLowerCase();
    return customers.filter((customer) => field === undefined || customer[field].toLowerCase().startsWith(wanted));
  }

  saveCart(cart: CartRecord): void {
    this.saves += 1;
    this.carts.set(cart.id.toLowerCase(), cart);
  }

  cart(customerId: string, cartId: string): CartRecord {
    const found = this.carts.get(cartId.toLowerCase());
    if (!found || !sameId(found.customerId, customerId)) throw cartNotFound(cartId);
    return found;
  }

  saveOrder(order: OrderRecord): void {
    this.saves += 1;
    this.orders.set(order.id.toLowerCase(), order);
  }

  order(customerId: string, orderId: string): OrderRecord {
    const found = this.orders.get(orderId.toLowerCase());
    if (!found || !sameId(found.customerId, customerId)) throw orderNotFound(orderId);
    return found;
  }

  allCarts(): CartRecord[] {
    return [...this.carts.values()];
  }

  allSubscriptions(): SubscriptionRecord[] {
    return [...this.subscriptions.values()];
  }

  allOrders(): OrderRecord[] {
    return [...this.orders.values()];
  }

  ordersOf(customerId: string): OrderRecord[] {
    return this.allOrders().filter((order) => sameId(order.customerId, customerId));
  }

  saveSubscription(record: SubscriptionRecord): void {
    this.saves += 1;
    this.subscriptions.set(record.resource.id.toLowerCase(), record);
  }

  subscription(customerId: string, subscriptionId: string): SubscriptionRecord {
    const found = this.subscriptions.get(subscriptionId.toLowerCase());
    if (!found || !sameId(found.customerId, customerId)) throw subscriptionNotFound(subscriptionId);
    return found;
  }

  subscriptionsOf(customerId: string): SubscriptionRecord[] {
    return [...this.subscriptions.values()].filter((record) => sameId(record.customerId, customerId));
  }

  customerFacts(customerId: string, now: Date): CustomerFacts {
    const active = this.subscriptionsOf(customerId)
      .map((record) => record.resource)
      .filter((subscription) => subscription.status === 'active');
    const nce = active.filter((subscription) => subscription.productType?.id === 'OnlineServicesNCE' && subscription.isTrial !== true);
    return {
      now,
      ownedProductSkus: active.map((subscription) => subscription.offerId.split(':').slice(0, 2).join(':')),
      activeNceEndDates: nce.flatMap((subscription) => (subscription.commitmentEndDate ? [new Date(subscription.commitmentEndDate)] : [])),
    };
  }

  /** False when another request is checking this cart out (checkout-a-cart: 409 800064). */
  tryBeginCheckout(cartId: string): boolean {
    const key = cartId.toLowerCase();
    if (this.checkoutsInProgress.has(key)) return false;
    this.checkoutsInProgress.add(key);
    return true;
  }

  endCheckout(cartId: string): void {
    this.checkoutsInProgress.delete(cartId.toLowerCase());
  }
}
