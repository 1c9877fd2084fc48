import { randomUUID } from 'node:crypto';
import { hasPurchasableAddons, type Catalog } from './catalog';
import type { SandboxStore } from './store';
import type { OrderRecord } from './store-records';
import { subscriptionFromOrderLine } from './subscription-factory';

/** Creates the subscriptions of every line that has none yet and marks the order completed. */
export function provisionOrder(store: SandboxStore, catalog: Catalog, order: OrderRecord): void {
  for (const line of order.lineItems) {
    if (line.subscriptionId) continue;
    line.subscriptionId = randomUUID();
    const resource = subscriptionFromOrderLine(order, line, line.subscriptionId, hasPurchasableAddons(catalog, line.purchasable));
    store.saveSubscription({ customerId: order.customerId, resource });
  }
  if (!order.provisioned) {
    order.provisioned = true;
    order.version += 1;
    store.saveOrder(order);
  }
}

/**
 * Provisioning is asynchronous in Partner Center (checkout-a-cart.md: subscription ids appear only once
 * provisioned). The sandbox computes it lazily from the clock on every request instead of using timers,
 * so tests move time with the injected clock and never sleep.
 */
export function provisionDueOrders(store: SandboxStore, catalog: Catalog, now: Date, provisioningDelayMs: number): void {
  for (const order of store.allOrders()) {
    if (!order.provisioned && now.getTime() - order.creationDate.getTime() >= provisioningDelayMs) {
      provisionOrder(store, catalog, order);
    }
  }
}
