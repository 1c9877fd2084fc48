import type { SubscriptionResource } from './contract/resources';
import { isoDate, link } from './resources/links';
import { addHours, cancellationWindowHours, changePolicyOf } from './rules/change-windows';
import { addDays, addMonths, startOfUtcDay, termEndDate } from './rules/durations';
import { newEtag, refundable, seatBatch } from './seat-batches';
import type { OrderLineRecord, OrderRecord } from './store-records';
/** Legacy licence subscriptions commit for a year; the sandbox models that for offers without a term. */
const LEGACY_COMMITMENT_MONTHS = 12;

function commitmentEnd(start: Date, line: OrderLineRecord): Date | undefined {
  if (line.customTermEndDate) return startOfUtcDay(new Date(line.customTermEndDate));
  if (line.termDuration && line.purchasable.terms) return termEndDate(start, line.termDuration);
  if (line.billingCycle === 'one_time') return undefined;
  return addDays(addMonths(startOfUtcDay(start), LEGACY_COMMITMENT_MONTHS), -1);
}

/** The subscription an order line becomes once provisioned (subscription-resources.md fields). */
export function subscriptionFromOrderLine(
  order: OrderRecord, line: OrderLineRecord, subscriptionId: string, hasPurchasableAddons: boolean,
  start: Date = order.creationDate,
): SubscriptionResource {
  const end = commitmentEnd(start, line);
  const usageBased = line.purchasable.family === 'azure_plan' || line.purchasable.family === 'azure_legacy';
  const path = line.purchasable.catalogPath;
  const termDuration = line.termDuration && line.purchasable.terms ? line.termDuration : undefined;
  const policy = changePolicyOf({ productType: line.purchasable.productType, billingCycle: line.billingCycle });
  const windowHours = cancellationWindowHours(policy, termDuration);
  return {
    id: subscriptionId,
    entitlementId: subscriptionId,
    offerId: line.offerId,
    offerName: line.purchasable.skuTitle,
    friendlyName: line.friendlyName,
    productType: line.purchasable.productType,
    quantity: line.quantity,
    unitType: usageBased ? 'Usage-based' : 'Licenses',
    ...(line.parentSubscriptionId ? { parentSubscriptionId: line.parentSubscriptionId } : {}),
    creationDate: isoDate(start),
    effectiveStartDate: isoDate(startOfUtcDay(start)),
    ...(end ? { commitmentEndDate: isoDate(end) } : {}),
    ...(windowHours === undefined ? {} : { cancellationAllowedUntilDate: isoDate(addHours(start, windowHours)) }),
    status: 'active',
    autoRenewEnabled: line.billingCycle !== 'one_time',
    billingType: usageBased ? 'usage' : 'license',
    billingCycle: line.billingCycle,
    hasPurchasableAddons,
    isTrial: line.purchasable.isTrial,
    ...(termDuration ? { termDuration } : {}),
    ...(line.promotionId ? { promotionId: line.promotionId } : {}),
    ...(policy === 'nce_license' ? { refundableQuantity: refundable([seatBatch(line.quantity, start)]) } : {}),
    isMicrosoftProduct: true,
    ...(line.partnerIdOnRecord ? { partnerId: line.partnerIdOnRecord } : {}),
    contractType: 'subscription',
    orderId: order.id,
    links: {
      ...(path
        ? {
            product: link(`/products/${path.productId}?country=US`),
            sku: link(`/products/${path.productId}/skus/${path.skuId}?country=US`),
            availability: link(`/products/${path.productId}/skus/${path.skuId}/availabilities/${path.availabilityId}?country=US`),
          }
        : { offer: link(`/offers/${line.offerId}`) }),
      ...(line.parentSubscriptionId
        ? { parentSubscription: link(`/customers/${order.customerId}/subscriptions/${line.parentSubscriptionId}`) }
        : {}),
      self: link(`/customers/${order.customerId}/subscriptions/${subscriptionId}`),
    },
    attributes: { etag: newEtag(), objectType: 'Subscription' },
  };
}
