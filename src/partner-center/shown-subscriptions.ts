import { TtlCache } from '../ttl-cache';
import { DEFAULT_CUSTOMER_STATE_TTL_MS } from './catalog-cache';
import type { PartnerCenterReader } from './operations';
import type { Subscription } from './schemas';

/** One entry per customer a rep is buying for; enough for a sales floor, bounded for a flood of ids. */
const MAX_CUSTOMERS = 1000;

/**
 * For what cards show: a customer's subscription list reused for a minute. The line card names the
 * subscriptions each co-term end date lines up with, and is drawn again for every line and correction;
 * reading the list each time was one Partner Center call per line. A name a minute old is harmless, and
 * Partner Center checks the chosen end date and add-on base when the cart is created. Finding out
 * whether a lost order was placed reads the list through the client itself, never through this.
 */
export function reusingSubscriptionLists(reader: PartnerCenterReader, now: () => number = Date.now): PartnerCenterReader {
  const lists = new TtlCache<Promise<Subscription[]>>({ ttlMs: DEFAULT_CUSTOMER_STATE_TTL_MS, maxEntries: MAX_CUSTOMERS, now });
  return {
    ...reader,
    listSubscriptions: (ctx, customerId) => {
      // Partner Center customer ids are GUIDs, which compare without regard to case.
      const key = JSON.stringify([ctx.locale, customerId.toLowerCase()]);
      let list = lists.get(key);
      if (!list) {
        const loading = reader.listSubscriptions(ctx, customerId);
        loading.catch(() => {
          if (lists.get(key) === loading) lists.delete(key);
        });
        lists.set(key, loading);
        list = loading;
      }
      return list.then(structuredClone);
    },
  };
}
