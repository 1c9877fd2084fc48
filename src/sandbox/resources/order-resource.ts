import type { OrderLineRecord, OrderRecord } from '../store-records';
import { collection, isoDate, link } from './links';

function orderLineResource(order: OrderRecord, line: OrderLineRecord): Record<string, unknown> {
  const path = line.purchasable.catalogPath;
  const catalogLinks = path
    ? {
        product: link(`/products/${path.productId}?country=US`),
        sku: link(`/products/${path.productId}/skus/${path.skuId}?country=US`),
        availability: link(`/products/${path.productId}/skus/${path.skuId}/availabilities/${path.availabilityId}?country=US`),
      }
    : {};
  const subscriptionLink = line.subscriptionId
    ? { subscription: link(`/customers/${order.customerId}/subscriptions/${line.subscriptionId}`) }
    : {};
  return {
    lineItemNumber: line.lineItemNumber,
    offerId: line.offerId,
    ...(line.subscriptionId ? { subscriptionId: line.subscriptionId } : {}),
    ...(line.parentSubscriptionId ? { parentSubscriptionId: line.parentSubscriptionId } : {}),
    ...(line.termDuration ? { termDuration: line.termDuration } : {}),
    ...(line.customTermEndDate ? { customTermEndDate: line.customTermEndDate } : {}),
    ...(line.promotionId ? { promotionId: line.promotionId } : {}),
    ...(line.renewsTo ? { renewsTo: line.renewsTo } : {}),
    transactionType: 'New',
    friendlyName: line.friendlyName,
    quantity: line.quantity,
    ...(line.partnerIdOnRecord ? { partnerIdOnRecord: line.partnerIdOnRecord } : {}),
    ...(line.additionalPartnerIdsOnRecord?.length ? { additionalPartnerIdsOnRecord: line.additionalPartnerIdsOnRecord } : {}),
    ...(line.provisioningContext && Object.keys(line.provisioningContext).length ? { provisioningContext: line.provisioningContext } : {}),
    ...(line.attestationAccepted !== undefined ? { attestationAccepted: line.attestationAccepted } : {}),
    pricing: line.pricing,
    links: { ...catalogLinks, ...subscriptionLink },
  };
}

export function orderResource(order: OrderRecord): Record<string, unknown> {
  const self = `/customers/${order.customerId}/orders/${order.id}`;
  const totalPrice = Math.round(order.lineItems.reduce((sum, line) => sum + (line.pricing.extendedPrice ?? 0), 0) * 100) / 100;
  return {
    id: order.id,
    alternateId: order.id,
    referenceCustomerId: order.customerId,
    billingCycle: order.billingCycle,
    currencyCode: order.currencyCode,
    currencySymbol: 'US$',
    lineItems: order.lineItems.map((line) => orderLineResource(order, line)),
    creationDate: isoDate(order.creationDate),
    status: order.provisioned ? 'completed' : 'pending',
    transactionType: 'UserPurchase',
    ...(order.partnerOnRecordAttestationAccepted !== undefined
      ? { partnerOnRecordAttestationAccepted: order.partnerOnRecordAttestationAccepted }
      : {}),
    links: {
      self: link(self),
      provisioningStatus: link(`${self}/provisioningstatus`),
      patchOperation: link(self, 'PATCH'),
    },
    totalPrice,
    client: {},
    attributes: { etag: `"${order.version}"`, objectType: 'Order' },
  };
}

/** get-order-provisioning-status.md: one entry per line; "fulfilled" once provisioned, else "pending". */
export function provisioningStatusResource(order: OrderRecord): Record<string, unknown> {
  const status = order.provisioned ? 'fulfilled' : 'pending';
  const items = order.lineItems.map((line) => ({
    orderLineItemId: line.lineItemNumber,
    lineItemNumber: line.lineItemNumber,
    status,
    quantityProvisioningInformation: [{ quantity: line.quantity, status }],
  }));
  return collection(items, `/customers/${order.customerId}/orders/${order.id}/provisioningstatus`);
}
