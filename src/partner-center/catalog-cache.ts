import type { CallContext, PartnerCenterReader } from './operations';

interface CatalogCacheOptions {
  /** How long a catalog answer is reused. Short: availability ids rotate (product-resources.md). */
  ttlMs: number;
  now?: () => number;
  /** Oldest entries are dropped beyond this, so a long-running bot does not grow without limit. */
  maxEntries?: number;
  /** How long a customer search answer is reused; default DEFAULT_CUSTOMER_SEARCH_TTL_MS. */
  customerSearchTtlMs?: number;
  /** How long a customer's record is reused; default DEFAULT_CUSTOMER_STATE_TTL_MS. */
  customerStateTtlMs?: number;
}

export const DEFAULT_CATALOG_TTL_MS = 5 * 60_000;
/**
 * Short: a customer created a minute ago should be found. Long enough that every rep of the partner
 * typing the same prefix (typeahead sends one search per pause) shares one Partner Center call.
 */
const DEFAULT_CUSTOMER_SEARCH_TTL_MS = 60_000;
/**
 * A customer's record, and (in shown-subscriptions.ts, which forgets them when the customer's
 * subscriptions change) what cards show of their subscriptions and co-term end dates. The subscriptions
 * themselves are not cached here: finding out whether a lost order or add-on was placed reads them, and
 * must see them as they are now.
 */
export const DEFAULT_CUSTOMER_STATE_TTL_MS = 60_000;
const DEFAULT_MAX_ENTRIES = 500;

interface Entry {
  storedAt: number;
  value: Promise<unknown>;
}

/**
 * Reuses customer searches for a minute, and products, SKUs, availability lists and offers for a few minutes per (operation, arguments,
 * locale) — the locale is part of the key because X-Locale changes titles and descriptions. A customer's record is reused for a
 * minute (DEFAULT_CUSTOMER_STATE_TTL_MS).
 * `getAvailability` is deliberately not cached: it is the re-read right before checkout that avoids 400019.
 * Within one flow (same MS-CorrelationId), concurrent identical re-reads share one call: the checkout of a
 * cart whose lines share an availability then sends one GET, not one per line, and the answer is still
 * fresh. A cached read in progress is shared the same way; a failed one is forgotten at once. Callers get
 * copies, so one flow editing a result cannot change what another flow sees.
 */
export function withCatalogCache<T extends PartnerCenterReader>(target: T, options: CatalogCacheOptions): T {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<unknown>>();

  function shared<R>(operation: string, ctx: CallContext, args: string[], load: () => Promise<R>): Promise<R> {
    const key = JSON.stringify([operation, ctx.correlationId, ctx.locale, ...args]);
    let running = inFlight.get(key) as Promise<R> | undefined;
    if (!running) {
      running = load().finally(() => inFlight.delete(key));
      inFlight.set(key, running);
    }
    return running.then(structuredClone);
  }

  const customerTtlMs = options.customerStateTtlMs ?? DEFAULT_CUSTOMER_STATE_TTL_MS;

  /** Partner Center customer ids are GUIDs, which compare without regard to case. */
  function aboutCustomer<R>(operation: string, ctx: CallContext, customerId: string, args: string[], load: () => Promise<R>): Promise<R> {
    return cached(operation, ctx, [customerId.toLowerCase(), ...args], load, customerTtlMs);
  }

  function cached<R>(operation: string, ctx: CallContext, args: string[], load: () => Promise<R>, ttlMs = options.ttlMs): Promise<R> {
    const key = JSON.stringify([operation, ctx.locale, ...args]);
    const hit = entries.get(key);
    if (hit && now() - hit.storedAt < ttlMs) return (hit.value as Promise<R>).then(structuredClone);
    const value = load();
    entries.delete(key);
    entries.set(key, { storedAt: now(), value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    return value.then(structuredClone);
  }

  return {
    ...target,
    // Partner Center's starts_with search ignores case and surrounding spaces, so neither splits the cache.
    searchCustomers: (ctx, prefix, size) =>
      cached('searchCustomers', ctx, [prefix.trim().toLowerCase(), String(size ?? '')], () => target.searchCustomers(ctx, prefix, size),
        options.customerSearchTtlMs ?? DEFAULT_CUSTOMER_SEARCH_TTL_MS),
    listProducts: (ctx, customerId, targetView) =>
      cached('listProducts', ctx, [customerId, targetView], () => target.listProducts(ctx, customerId, targetView)),
    listSkus: (ctx, customerId, productId) =>
      cached('listSkus', ctx, [customerId, productId], () => target.listSkus(ctx, customerId, productId)),
    getSku: (ctx, customerId, productId, skuId) =>
      cached('getSku', ctx, [customerId, productId, skuId], () => target.getSku(ctx, customerId, productId, skuId)),
    listAvailabilities: (ctx, customerId, productId, skuId) =>
      cached('listAvailabilities', ctx, [customerId, productId, skuId], () =>
        target.listAvailabilities(ctx, customerId, productId, skuId),
      ),
    getAvailability: (ctx, customerId, productId, skuId, availabilityId) =>
      shared('getAvailability', ctx, [customerId, productId, skuId, availabilityId], () =>
        target.getAvailability(ctx, customerId, productId, skuId, availabilityId),
      ),
    getOffer: (ctx, offerId, country) =>
      cached('getOffer', ctx, [offerId, country], () => target.getOffer(ctx, offerId, country)),
    listOfferAddons: (ctx, offerId, country) =>
      cached('listOfferAddons', ctx, [offerId, country], () => target.listOfferAddons(ctx, offerId, country)),
    getCustomer: (ctx, customerId) => aboutCustomer('getCustomer', ctx, customerId, [], () => target.getCustomer(ctx, customerId)),
  };
}
