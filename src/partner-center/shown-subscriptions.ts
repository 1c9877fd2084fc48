import { TtlCache } from '../ttl-cache';
import { DEFAULT_CUSTOMER_STATE_TTL_MS } from './catalog-cache';
import type { PartnerCenterReader } from './operations';
import type { Subscription } from './schemas';

/** One entry per customer a rep is buying for; enough for a sales floor, bounded for a flood of ids. */
const MAX_CUSTOMERS = 1000;

/** The reader cards use, and the moment its lists of a customer must go: their subscriptions changed. */
interface ShownSubscriptions extends PartnerCenterReader {
  forgetCustomer(customerId: string): void;
}

/**
 * For what cards show: a customer's subscription list reused for a minute. The line card names the
 * subscriptions each co-term end date lines up with, and is drawn again for every line and correction;
 * reading the list each time was one Partner Center call per line. Partner Center checks the chosen end
 * date and add-on base when the cart is created, but what the bot itself changed ("bought before", the
 * add-on bases) must show at once: `forgetCustomer` drops the customer's lists when an order of theirs
 * is provisioned or a subscription of theirs is changed. Finding out whether a lost order was placed
 * reads the list through the client itself, never through this.
 */
export function reusingSubscriptionLists(reader: PartnerCenterReader, now: () => number = Date.now): ShownSubscriptions {
  const lists = new TtlCache<Promise<Subscription[]>>({ ttlMs: DEFAULT_CUSTOMER_STATE_TTL_MS, maxEntries: MAX_CUSTOMERS, now });
  /** The locales lists were read in: the bot's own catalogs (turns resolve theirs), so a handful. */
  const locales = new Set<string>();
  // Partner Center customer ids are GUIDs, which compare without regard to case.
  const keyOf = (locale: string, customerId: string) => JSON.stringify([locale, customerId.toLowerCase()]);
  return {
    ...reader,
    listSubscriptions: (ctx, customerId) => {
      const key = keyOf(ctx.locale, customerId);
      let list = lists.get(key);
      if (!list) {
        const loading = reader.listSubscriptions(ctx, customerId);
        loading.catch(() => {
          if (lists.get(key) === loading) lists.delete(key);
        });
        lists.set(key, loading);
        locales.add(ctx.locale);
        list = loading;
      }
      return list.then(structuredClone);
    },
    forgetCustomer: (customerId) => {
      for (const locale of locales) lists.delete(keyOf(locale, customerId));
    },
  };
}
