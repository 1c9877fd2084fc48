import { TtlCache } from '../ttl-cache';
import { DEFAULT_CUSTOMER_STATE_TTL_MS } from './catalog-cache';
import type { CallContext, PartnerCenterReader } from './operations';

/** One entry per customer and question a rep is buying for; enough for a sales floor, bounded for a flood of ids. */
const MAX_ENTRIES = 1000;

/** The reader cards use, and the moment its answers about a customer must go: their subscriptions changed. */
interface ShownSubscriptions extends PartnerCenterReader {
  forgetCustomer(customerId: string): void;
}

/**
 * For what cards show: a customer's subscription list and the co-term end dates their subscriptions
 * allow, each reused for a minute. The line card names the subscriptions each co-term end date lines up
 * with, and is drawn again for every line and correction; reading the list and the dates (one call per
 * term) each time was most of a purchase's Partner Center calls. Partner Center checks the chosen end
 * date and add-on base when the cart is created, but what the bot itself changed ("bought before", the
 * add-on bases, a new subscription's end date to co-term with) must show at once: `forgetCustomer` drops
 * the customer's answers when an order of theirs is provisioned or a subscription of theirs is changed.
 * Finding out whether a lost order was placed reads the list through the client itself, never through this.
 */
export function reusingSubscriptionLists(reader: PartnerCenterReader, now: () => number = Date.now): ShownSubscriptions {
  const answers = new TtlCache<Promise<unknown>>({ ttlMs: DEFAULT_CUSTOMER_STATE_TTL_MS, maxEntries: MAX_ENTRIES, now });
  /** The locales and questions asked (the bot's own catalogs, the subscription list and a few terms): a handful each. */
  const locales = new Set<string>();
  const questions = new Map<string, string[]>();
  // Partner Center customer ids are GUIDs, which compare without regard to case.
  const keyOf = (customerId: string, locale: string, question: string[]) => JSON.stringify([customerId.toLowerCase(), locale, ...question]);

  function reused<R>(ctx: CallContext, customerId: string, question: string[], load: () => Promise<R>): Promise<R> {
    const key = keyOf(customerId, ctx.locale, question);
    let answer = answers.get(key) as Promise<R> | undefined;
    if (!answer) {
      const loading = load();
      loading.catch(() => {
        if (answers.get(key) === loading) answers.delete(key);
      });
      answers.set(key, loading);
      locales.add(ctx.locale);
      questions.set(JSON.stringify(question), question);
      answer = loading;
    }
    return answer.then(structuredClone);
  }

  return {
    ...reader,
    listSubscriptions: (ctx, customerId) => reused(ctx, customerId, ['subscriptions'], () => reader.listSubscriptions(ctx, customerId)),
    listCustomTermEndDates: (ctx, customerId, termDuration) =>
      reused(ctx, customerId, ['customTermEndDates', termDuration], () => reader.listCustomTermEndDates(ctx, customerId, termDuration)),
    forgetCustomer: (customerId) => {
      for (const locale of locales) for (const question of questions.values()) answers.delete(keyOf(customerId, locale, question));
    },
  };
}
