import type { SubscriptionResource } from './contract/resources';
import { isoDate, link } from './resources/links';
import { addDays, addMonths, startOfUtcDay, termEndDate } from './rules/durations';
import type { OrderLineRecord, OrderRecord } from './store-records';

/** new-commerce-cancellation-policy.md: prorated cancellation and seat reduction within 7 days. */
const CANCELLATION_WINDOW_DAYS = 7;
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
  const cancellationUntil = addDays(start, CANCELLATION_WINDOW_DAYS);
  const usageBased = line.purchasable.family === 'azure_plan' || line.purchasable.family === 'azure_legacy';
  const path = line.purchasable.catalogPath;
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
    cancellationAllowedUntilDate: isoDate(cancellationUntil),
    status: 'active',
    autoRenewEnabled: line.billingCycle !== 'one_time',
    billingType: usageBased ? 'usage' : 'license',
    billingCycle: line.billingCycle,
    hasPurchasableAddons,
    isTrial: line.purchasable.isTrial,
    ...(line.termDuration && line.purchasable.terms ? { termDuration: line.termDuration } : {}),
    ...(line.promotionId ? { promotionId: line.promotionId } : {}),
    refundableQuantity: {
      totalQuantity: line.quantity,
      details: [{ quantity: line.quantity, allowedUntilDateTime: isoDate(cancellationUntil) }],
    },
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
    attributes: { etag: '"1"', objectType: 'Subscription' },
  };
}
