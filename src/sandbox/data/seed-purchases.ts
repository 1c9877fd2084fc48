import { hasPurchasableAddons, type Catalog } from '../catalog';
import { priceLine } from '../rules/pricing';
import { addDays } from '../rules/durations';
import { refundable, seatBatch } from '../seat-batches';
import type { SandboxStore } from '../store';
import type { OrderRecord } from '../store-records';
import { subscriptionFromOrderLine } from '../subscription-factory';
import { ENTERPRISE_E3_OFFER_ID } from './offers';
import {
  CONTOSO_ID,
  TAILSPIN_ID,
  CONTOSO_E3_SUBSCRIPTION_ID,
  CONTOSO_E3_ORDER_ID,
  CONTOSO_E5_SUBSCRIPTION_ID,
  CONTOSO_E5_ORDER_ID,
  TAILSPIN_EXCHANGE_SUBSCRIPTION_ID,
  TAILSPIN_EXCHANGE_ORDER_ID,
  WOODGROVE_ID,
  WOODGROVE_E3_ORDER_ID,
  WOODGROVE_E3_SUBSCRIPTION_ID,
} from './seed-ids';


interface SeedPurchase {
  customerId: string;
  orderId: string;
  subscriptionId: string;
  offerId: string;
  friendlyName: string;
  quantity: number;
  termDuration?: string;
  purchasedAt: Date;
  /** Seats added mid-term after the purchase: each batch has its own reduction window. */
  addedSeats?: { quantity: number; addedAt: Date }[];
}

function seedPurchase(store: SandboxStore, catalog: Catalog, seed: SeedPurchase): void {
  const purchasable = catalog.resolve(seed.offerId);
  if (!purchasable) throw new Error(`Seed offer ${seed.offerId} is not in the catalog`);
  const choice = { billingCycle: 'monthly' as const, termDuration: seed.termDuration, quantity: seed.quantity };
  const order: OrderRecord = {
    id: seed.orderId,
    customerId: seed.customerId,
    billingCycle: 'monthly',
    currencyCode: 'USD',
    creationDate: seed.purchasedAt,
    provisioned: true,
    version: 1,
    lineItems: [
      {
        lineItemNumber: 0,
        offerId: purchasable.id,
        friendlyName: seed.friendlyName,
        quantity: seed.quantity,
        billingCycle: 'monthly',
        ...(seed.termDuration ? { termDuration: seed.termDuration } : {}),
        pricing: priceLine(purchasable, choice) ?? {},
        subscriptionId: seed.subscriptionId,
        purchasable,
      },
    ],
  };
  store.saveOrder(order);
  for (const line of order.lineItems) {
    const bought = subscriptionFromOrderLine(order, line, seed.subscriptionId, hasPurchasableAddons(catalog, purchasable));
    const added = seed.addedSeats ?? [];
    const resource = added.length === 0 || !bought.refundableQuantity
      ? bought
      : {
          ...bought,
          quantity: added.reduce((sum, batch) => sum + batch.quantity, bought.quantity),
          refundableQuantity: refundable([...bought.refundableQuantity.details, ...added.map((batch) => seatBatch(batch.quantity, batch.addedAt))]),
        };
    store.saveSubscription({ customerId: seed.customerId, resource });
  }
}

/** Subscriptions customers already own when the sandbox starts, dated relative to its start time. */
export function seedPurchases(store: SandboxStore, catalog: Catalog, startedAt: Date): void {
  seedPurchase(store, catalog, {
    customerId: CONTOSO_ID,
    orderId: CONTOSO_E3_ORDER_ID,
    subscriptionId: CONTOSO_E3_SUBSCRIPTION_ID,
    offerId: ENTERPRISE_E3_OFFER_ID,
    friendlyName: 'Office 365 Enterprise E3',
    quantity: 25,
    purchasedAt: addDays(startedAt, -200),
  });
  seedPurchase(store, catalog, {
    customerId: CONTOSO_ID,
    orderId: CONTOSO_E5_ORDER_ID,
    subscriptionId: CONTOSO_E5_SUBSCRIPTION_ID,
    offerId: 'CFQ7TTC0LF8S:0001:CFQ7TTC0VZW5',
    friendlyName: 'Office 365 E5 - head office',
    quantity: 10,
    termDuration: 'P1Y',
    purchasedAt: addDays(startedAt, -60),
    // The 10 seats bought 60 days ago are past their 168-hour window; these 5 can still be taken back.
    addedSeats: [{ quantity: 5, addedAt: addDays(startedAt, -2) }],
  });
  seedPurchase(store, catalog, {
    customerId: WOODGROVE_ID,
    orderId: WOODGROVE_E3_ORDER_ID,
    subscriptionId: WOODGROVE_E3_SUBSCRIPTION_ID,
    offerId: ENTERPRISE_E3_OFFER_ID,
    friendlyName: 'Office 365 Enterprise E3',
    quantity: 40,
    purchasedAt: addDays(startedAt, -120),
  });
  seedPurchase(store, catalog, {
    customerId: TAILSPIN_ID,
    orderId: TAILSPIN_EXCHANGE_ORDER_ID,
    subscriptionId: TAILSPIN_EXCHANGE_SUBSCRIPTION_ID,
    offerId: 'CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P',
    friendlyName: 'Exchange Online (Plan 1)',
    quantity: 5,
    termDuration: 'P1Y',
    purchasedAt: new Date('2021-02-20T00:00:00Z'),
  });
}
