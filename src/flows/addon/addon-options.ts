import { offerCountry } from '../customer/offer-country';
import type { CallContext, PartnerCenterReader } from '../../partner-center';
import { billingCycleSchema, type Availability, type BillingCycle, type Customer, type Product, type Sku, type Subscription } from '../../partner-center/schemas';
import type { AddOnChoice, BaseSubscription } from '../purchase/addon-state';

/** A new-commerce add-on: the SKU and the availability term it would be bought on. */
interface NceAddOn {
  product: Product;
  sku: Sku;
  availability: Availability;
  termDuration: string;
  billingCycle: BillingCycle;
}

export interface AddOnOption {
  choice: AddOnChoice;
  nce?: NceAddOn;
}

/** NCE offer ids are catalog item ids `product:sku:availability`; legacy ones are GUIDs. */
function isNceOfferId(offerId: string): boolean {
  return offerId.split(':').length === 3;
}

export function baseOf(subscription: Subscription): BaseSubscription {
  return {
    id: subscription.id,
    offerId: subscription.offerId,
    name: subscription.friendlyName ?? subscription.offerName ?? subscription.offerId,
    quantity: subscription.quantity,
    orderId: subscription.orderId ?? undefined,
    commitmentEndDate: subscription.commitmentEndDate ?? undefined,
    termDuration: subscription.termDuration ?? undefined,
    billingCycle: subscription.billingCycle ?? undefined,
    isNce: isNceOfferId(subscription.offerId),
  };
}

/** Subscriptions an add-on can be bought for: active base subscriptions that sell add-ons. */
export function addOnBases(subscriptions: Subscription[]): Subscription[] {
  return subscriptions.filter(
    (s) => s.status.toLowerCase() === 'active' && !s.parentSubscriptionId && s.hasPurchasableAddons !== false && !s.isTrial,
  );
}

/**
 * What can be added to `base`. Legacy: GET /offers/{offerId}/addons. New commerce: SKUs flagged
 * `dynamicAttributes.isAddon` whose `prerequisiteSkus` name the base's `product:sku`
 * (new-commerce-add-ons.md) — the customer owns that prerequisite, since the base is its subscription.
 */
export async function addOnOptions(
  reader: PartnerCenterReader, ctx: CallContext, customer: Customer, base: BaseSubscription,
): Promise<AddOnOption[]> {
  if (!base.isNce) {
    const offers = await reader.listOfferAddons(ctx, base.offerId, offerCountry(customer));
    return offers
      .filter((offer) => offer.isAvailableForPurchase !== false)
      .map((offer) => ({
        choice: {
          id: offer.id, name: offer.name, family: 'legacy' as const,
          minQuantity: Math.max(1, offer.minimumQuantity ?? 1), maxQuantity: Math.max(1, offer.maximumQuantity ?? 10000),
        },
      }));
  }
  const [productId, skuId] = base.offerId.split(':');
  const prerequisite = `${productId}:${skuId}`.toUpperCase();
  const products = await reader.listProducts(ctx, customer.id, 'OnlineServices');
  const perProduct = await Promise.all(products.map(async (product) => ({ product, skus: await reader.listSkus(ctx, customer.id, product.id) })));
  const options: AddOnOption[] = [];
  for (const { product, skus } of perProduct) {
    for (const sku of skus) {
      const attributes = sku.dynamicAttributes;
      if (!attributes?.isAddon || !(attributes.prerequisiteSkus ?? []).some((p) => p.toUpperCase() === prerequisite)) continue;
      const nce = await termFor(reader, ctx, customer.id, product, sku, base);
      if (!nce) continue;
      options.push({
        choice: {
          id: nce.availability.catalogItemId, name: sku.title, family: 'nce',
          minQuantity: Math.max(1, sku.minimumQuantity ?? 1), maxQuantity: Math.max(1, sku.maximumQuantity ?? 10000),
        },
        nce,
      });
    }
  }
  return options;
}

/**
 * The add-on's term: the base's own (term, billing cycle) when offered, so that co-terminating is allowed
 * (align-subscription-end-dates.md: annual terms cannot co-term with a monthly-term subscription).
 */
async function termFor(
  reader: PartnerCenterReader, ctx: CallContext, customerId: string, product: Product, sku: Sku, base: BaseSubscription,
): Promise<NceAddOn | undefined> {
  const availabilities = (await reader.listAvailabilities(ctx, customerId, product.id, sku.id)).filter((a) => a.isPurchasable !== false);
  const pairs = availabilities.flatMap((availability) =>
    (availability.terms ?? []).map((term) => ({ availability, termDuration: term.duration, billingCycle: billingCycleSchema.parse(term.billingCycle) })),
  );
  const rank = (pair: (typeof pairs)[number]) =>
    (pair.termDuration === base.termDuration ? 0 : 2) + (pair.billingCycle === base.billingCycle ? 0 : 1);
  const best = [...pairs].sort((a, b) => rank(a) - rank(b))[0];
  return best && { product, sku, ...best };
}
