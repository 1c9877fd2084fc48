import { randomUUID } from 'node:crypto';
import { orderRequestSchema, type OrderLineRequest } from '../contract/order-request';
import { hasPurchasableAddons, type Purchasable } from '../catalog';
import type { SandboxContext } from '../context';
import { invalidInput, partnerCenterError } from '../errors';
import type { Route, SandboxRequest, SandboxResponse } from '../http/types';
import { parseBody } from '../request-schemas';
import { orderResource } from '../resources/order-resource';
import { priceLine } from '../rules/pricing';
import type { OrderLineRecord, OrderRecord } from '../store-records';
import { subscriptionFromOrderLine } from '../subscription-factory';

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The add-on must list the parent's offer among its prerequisites (GET /offers/{base}/addons). */
function addOnFor(context: SandboxContext, line: OrderLineRequest, parentOfferId: string): Purchasable {
  const offer = context.catalog.offer(line.offerId);
  if (!offer) throw partnerCenterError(400, 800004, 'Invalid offer ID');
  if (!offer.isAddOn || !offer.prerequisiteOffers.some((id) => sameId(id, parentOfferId))) {
    throw partnerCenterError(400, 800029, "The add-on isn't related to the specified parent subscription");
  }
  const purchasable = context.catalog.resolve(offer.id);
  if (!purchasable) throw partnerCenterError(400, 800004, 'Invalid offer ID');
  if (line.quantity < purchasable.minimumQuantity || line.quantity > purchasable.maximumQuantity) {
    throw partnerCenterError(400, 900275, `The requested quantity for line item ${line.lineItemNumber} is not within the allowed quantity for this offer.`);
  }
  return purchasable;
}

/**
 * purchase-an-add-on-to-a-subscription.md: PATCH the base subscription's order with a line carrying
 * parentSubscriptionId; the answer is the original order plus the new line with its own subscription.
 */
function appendAddOns(context: SandboxContext, request: SandboxRequest): SandboxResponse {
  const { store, catalog } = context;
  const customer = store.customer(request.params['customerId'] ?? '');
  const order: OrderRecord = store.order(customer.id, request.params['orderId'] ?? '');
  const input = parseBody(orderRequestSchema, request.body);
  const addOnLines = input.lineItems.filter((line) => line.parentSubscriptionId);
  if (addOnLines.length !== input.lineItems.length) {
    throw invalidInput('every line of an order update must name its parentSubscriptionId.');
  }
  const prepared = addOnLines.map((line) => {
    const parent = store.subscription(customer.id, line.parentSubscriptionId ?? '').resource;
    if (!parent.orderId || !sameId(parent.orderId, order.id)) {
      throw invalidInput(`subscription ${parent.id} was not bought by order ${order.id}.`);
    }
    return { line, parent, purchasable: addOnFor(context, line, parent.offerId) };
  });
  for (const { line, parent, purchasable } of prepared) {
    const billingCycle = parent.billingCycle ?? 'monthly';
    const subscriptionId = randomUUID();
    const record: OrderLineRecord = {
      lineItemNumber: order.lineItems.length,
      offerId: purchasable.id,
      friendlyName: line.friendlyName ?? purchasable.skuTitle,
      quantity: line.quantity,
      billingCycle,
      parentSubscriptionId: parent.id,
      pricing: priceLine(purchasable, { billingCycle, quantity: line.quantity }) ?? {},
      subscriptionId,
      purchasable,
    };
    order.lineItems.push(record);
    const resource = subscriptionFromOrderLine(order, record, subscriptionId, hasPurchasableAddons(catalog, purchasable), request.now);
    store.saveSubscription({ customerId: customer.id, resource });
  }
  order.version += 1;
  return { status: 200, body: orderResource(order) };
}

export function patchOrderRoute(context: SandboxContext): Route {
  return { method: 'PATCH', pattern: '/customers/{customerId}/orders/{orderId}', handler: (request) => appendAddOns(context, request) };
}
