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
    provisioningVariables,
    minQuantity: minimums.length > 0 ? Math.max(1, Math.min(...minimums)) : 1,
    maxQuantity: maximums.length > 0 ? Math.max(...maximums) : 1,
  };
}

/** One end date a new line may co-terminate with (customTermEndDate), named after a subscription ending then. */
export interface CotermChoice {
  endDate: string;
  subscriptionName: string;
  /** How many other active subscriptions end the same day. */
  alsoEnding: number;
}

/**
 * A choice list must stay within the card's 28 KB: a customer with hundreds of subscriptions has far
 * fewer distinct end dates, and the soonest ones are what co-terming usually aims at. Any other date can
 * still be typed in the custom end date field.
 */
export const MAX_COTERM_CHOICES = 20;

/** The distinct end dates of active, paid subscriptions, soonest first, at most MAX_COTERM_CHOICES. */
export function cotermChoices(subscriptions: Subscription[]): CotermChoice[] {
  const byDate = new Map<string, CotermChoice>();
  for (const s of subscriptions) {
    if (s.status.toLowerCase() !== 'active' || !s.commitmentEndDate || s.isTrial) continue;
    const endDate = s.commitmentEndDate.slice(0, 10);
    const known = byDate.get(endDate);
    if (known) known.alsoEnding += 1;
    else byDate.set(endDate, { endDate, subscriptionName: s.friendlyName ?? s.offerName ?? s.id, alsoEnding: 0 });
  }
  return [...byDate.values()].sort((a, b) => a.endDate.localeCompare(b.endDate)).slice(0, MAX_COTERM_CHOICES);
}
