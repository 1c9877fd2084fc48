import type { CallContext, PartnerCenterReader } from '../../partner-center';
import { billingCycleSchema, type Availability, type BillingCycle, type Product, type Sku, type Subscription } from '../../partner-center/schemas';

/** One purchasable choice of a product: a SKU's availability with one (term, billing cycle) pair. */
export interface OfferOption {
  value: string;
  sku: Sku;
  availability: Availability;
  termDuration?: string;
  billingCycle: BillingCycle;
}

export interface ProductOffering {
  product: Product;
  options: OfferOption[];
  /** Keys the chosen SKU needs in provisioningContext (e.g. RI scope, subscriptionId, duration). */
  provisioningVariables: string[];
  minQuantity: number;
  maxQuantity: number;
  /** Per term a line of this product may co-terminate on, the end dates Partner Center allows; empty = none may. */
  cotermListings: CotermListing[];
}

/** The end dates Partner Center lists for new subscriptions of one term (GET …/subscriptions/customTermEndDates). */
export interface CotermListing {
  termDuration: string;
  dates: { date: string; calendarMonth: boolean; subscriptionIds: string[] }[];
}

/**
 * Only license-based new-commerce subscriptions that are not trials take a customTermEndDate
 * (align-subscription-end-dates): Azure plans, reservations, software and trials answer 10016.
 */
export function canCoterminate(product: Product, option: OfferOption): boolean {
  return product.productType?.id === 'OnlineServicesNCE' && option.billingCycle !== 'none' && option.sku.isTrial !== true && Boolean(option.termDuration);
}

async function loadCotermListings(
  reader: PartnerCenterReader, ctx: CallContext, customerId: string, product: Product, options: OfferOption[],
): Promise<CotermListing[]> {
  const terms = [...new Set(options.filter((o) => canCoterminate(product, o)).map((o) => o.termDuration ?? ''))];
  return Promise.all(
    terms.map(async (termDuration) => ({
      termDuration,
      dates: (await reader.listCustomTermEndDates(ctx, customerId, termDuration)).map((item) => ({
        date: item.allowedCustomTermEndDate.slice(0, 10),
        calendarMonth: /calendar/i.test(item.allowedCustomTermEndDateType),
        subscriptionIds: item.cotermSubscriptionIds ?? [],
      })),
    })),
  );
}

/** Catalog spellings vary (`OneTime`, `Monthly`); the wire schema normalises them the same way everywhere. */
const cycleOf = (raw: string): BillingCycle => billingCycleSchema.parse(raw);

export function optionValue(skuId: string, availabilityId: string, termDuration: string | undefined, cycle: BillingCycle): string {
  return [skuId, availabilityId, termDuration ?? '', cycle].join('|');
}

/**
 * Everything a rep may choose for a product, read from the catalog: only the terms and billing cycles
 * each availability offers (terms[]), so the card cannot propose a pair Partner Center refuses (400039).
 */
export async function loadOffering(
  reader: PartnerCenterReader, ctx: CallContext, customerId: string, product: Product,
): Promise<ProductOffering> {
  const skus = await reader.listSkus(ctx, customerId, product.id);
  const perSku = await Promise.all(
    skus.map(async (sku) => ({ sku, availabilities: await reader.listAvailabilities(ctx, customerId, product.id, sku.id) })),
  );
  const options: OfferOption[] = [];
  for (const { sku, availabilities } of perSku) {
    for (const availability of availabilities.filter((a) => a.isPurchasable !== false)) {
      const terms = availability.terms ?? [];
      if (terms.length === 0) {
        const cycle = cycleOf(sku.supportedBillingCycles?.[0] ?? 'one_time');
        options.push({ value: optionValue(sku.id, availability.id, undefined, cycle), sku, availability, billingCycle: cycle });
      }
      for (const term of terms) {
        const cycle = cycleOf(term.billingCycle);
        options.push({
          value: optionValue(sku.id, availability.id, term.duration, cycle),
          sku, availability, termDuration: term.duration, billingCycle: cycle,
        });
      }
    }
  }
  const provisioningVariables = [...new Set(skus.flatMap((s) => s.provisioningVariables ?? []))];
  const minimums = skus.map((s) => s.minimumQuantity ?? 1);
  const maximums = skus.map((s) => s.maximumQuantity ?? 10000);
  return {
    product,
    options,
    cotermListings: await loadCotermListings(reader, ctx, customerId, product, options),
    provisioningVariables,
    minQuantity: minimums.length > 0 ? Math.max(1, Math.min(...minimums)) : 1,
    maxQuantity: maximums.length > 0 ? Math.max(...maximums) : 1,
  };
}

/**
 * The choice matching this customer's newest subscription of the product (same SKU, term and billing
 * cycle), so buying more of what the customer has takes no extra tap. Undefined when none matches.
 */
export function lastBoughtOption(offering: ProductOffering, subscriptions: Subscription[]): string | undefined {
  const productId = offering.product.id.toUpperCase();
  const own = subscriptions
    .filter((s) => s.offerId.toUpperCase().startsWith(`${productId}:`))
    .sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? ''));
  for (const subscription of own) {
    const skuId = subscription.offerId.split(':')[1]?.toUpperCase();
    const match = offering.options.find((o) =>
      o.sku.id.toUpperCase() === skuId && o.termDuration === (subscription.termDuration ?? undefined) && o.billingCycle === subscription.billingCycle);
    if (match) return match.value;
  }
  return undefined;
}

/** One end date Partner Center allows for a new line of one term, named after what ends then. */
export interface CotermChoice {
  /** `term|date`, e.g. `P1Y|2027-06-30`: a date is valid for its term only. */
  value: string;
  termDuration: string;
  endDate: string;
  /** Undefined for the calendar-month-aligned date. */
  subscriptionName?: string;
  /** How many other subscriptions end the same day. */
  alsoEnding: number;
}

/**
 * A choice list must stay within the card's 28 KB: a customer with hundreds of subscriptions has far
 * fewer distinct end dates, and the soonest ones are what co-terming usually aims at.
 */
export const MAX_COTERM_CHOICES = 20;

/** Partner Center's listed dates for each term, soonest first, at most MAX_COTERM_CHOICES. */
export function cotermChoices(listings: CotermListing[], subscriptions: Subscription[]): CotermChoice[] {
  const nameOf = (id: string): string | undefined => {
    const found = subscriptions.find((s) => s.id.toLowerCase() === id.toLowerCase());
    return found ? (found.friendlyName ?? found.offerName ?? found.id) : undefined;
  };
  const choices = listings.flatMap(({ termDuration, dates }) =>
    dates.map((d): CotermChoice => ({
      value: `${termDuration}|${d.date}`,
      termDuration,
      endDate: d.date,
      subscriptionName: d.calendarMonth ? undefined : (d.subscriptionIds.map(nameOf).find(Boolean) ?? d.subscriptionIds[0]),
      alsoEnding: Math.max(0, d.subscriptionIds.length - 1),
    })),
  );
  return choices.sort((a, b) => a.endDate.localeCompare(b.endDate) || a.termDuration.localeCompare(b.termDuration)).slice(0, MAX_COTERM_CHOICES);
}
