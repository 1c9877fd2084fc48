import { errorLogFields } from '../../partner-center';
import { DEFAULT_CATALOG_TTL_MS } from '../../partner-center/catalog-cache';
import type { Cart } from '../../partner-center/schemas';
import { TtlCache } from '../../ttl-cache';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';
import type { SeatsPurchase } from '../purchase/purchase';
import type { SeatPrice, SeatSubscription } from '../purchase/seats-state';

/** Enough for every subscription a busy partner's reps review within the cache time. */
const MAX_QUOTES = 500;

/**
 * The price of one licence of a subscription's offer. A subscription PATCH quotes no price and the
 * catalog carries none, so Partner Center is asked the way the add-on flow asks: one cart of the offer
 * (its catalog item id is the subscription's offerId), on the subscription's term and billing cycle,
 * for its current quantity (a count its SKU's limits allow), created and priced and never checked out
 * (Partner Center lets an unused cart expire after 7 days). One cart per customer, offer, term and
 * billing cycle is reused for the catalog's cache time, so reviewing again or another rep reviewing the
 * same offer costs no call; a quote that failed is not kept.
 */
export class SeatPriceQuotes {
  private readonly quotes: TtlCache<Promise<SeatPrice | undefined>>;

  constructor(private readonly deps: Pick<PurchaseDeps, 'partnerCenter' | 'log' | 'now'>) {
    this.quotes = new TtlCache({ ttlMs: DEFAULT_CATALOG_TTL_MS, maxEntries: MAX_QUOTES, now: () => deps.now().getTime() });
  }

  /** Undefined when Partner Center gives no price (a refusal, a line error, an offer it does not sell any more). */
  priceOf(purchase: SeatsPurchase, subscription: SeatSubscription): Promise<SeatPrice | undefined> {
    const customerId = purchase.customer?.id;
    const billingCycle = subscription.billingCycle;
    if (!customerId || !billingCycle || subscription.quantity < 1) return Promise.resolve(undefined);
    const key = JSON.stringify([customerId, subscription.offerId.toLowerCase(), subscription.termDuration ?? '', billingCycle]);
    const cached = this.quotes.get(key);
    if (cached) return cached;
    const quote = this.quote(purchase, customerId, { ...subscription, billingCycle }).then((price) => {
      if (!price) this.quotes.delete(key);
      return price;
    });
    this.quotes.set(key, quote);
    return quote;
  }

  private async quote(
    purchase: SeatsPurchase, customerId: string, subscription: SeatSubscription & { billingCycle: SeatPrice['billingCycle'] },
  ): Promise<SeatPrice | undefined> {
    try {
      const cart = await this.deps.partnerCenter.createCart(callContext(purchase), customerId, {
        lineItems: [{
          id: 0, catalogItemId: subscription.offerId, quantity: subscription.quantity, billingCycle: subscription.billingCycle,
          ...(subscription.termDuration ? { termDuration: subscription.termDuration } : {}),
        }],
      });
      const price = licencePrice(cart, subscription);
      if (!price) this.deps.log.warn({ purchaseId: purchase.id, lineError: cart.lineItems[0]?.error?.errorCode }, 'Partner Center gave no price for the seats');
      return price;
    } catch (error) {
      this.deps.log.warn({ purchaseId: purchase.id, ...errorLogFields(error) }, 'could not price the seats');
      return undefined;
    }
  }
}

/** One licence's price from the priced cart: `price` per billing period, extendedPrice shared by the licences. */
function licencePrice(cart: Cart, subscription: SeatSubscription & { billingCycle: SeatPrice['billingCycle'] }): SeatPrice | undefined {
  const item = cart.lineItems[0];
  const pricing = item?.pricing;
  const unitPrice = pricing?.price ?? pricing?.listPrice;
  if (!item || item.error || unitPrice === undefined || unitPrice === null) return undefined;
  const extended = pricing?.extendedPrice;
  return {
    unitPrice,
    currency: item.currencyCode ?? 'USD',
    billingCycle: item.billingCycle,
    termDuration: item.termDuration ?? subscription.termDuration,
    unitTermTotal: typeof extended === 'number' && item.quantity > 0 ? extended / item.quantity : undefined,
  };
}
