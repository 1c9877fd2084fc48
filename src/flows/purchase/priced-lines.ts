import type { PricedLine } from '../../i18n/prices';
import { partnerCenterCart, type DraftLine, type Purchase } from './purchase';

/**
 * Each line of a purchase with Partner Center's price for it, as `src/i18n/prices.ts` words it; undefined
 * for a line Partner Center gave no price (an order through POST /orders, a legacy add-on). The cart
 * line answers the purchase line of the same index (its `id`). A new-commerce add-on's cart was priced
 * for its minimum quantity, so its term total is scaled to the quantity the rep chose.
 */
export function pricedLines(purchase: Purchase): { line: DraftLine; price?: PricedLine }[] {
  const items = partnerCenterCart(purchase)?.lineItems ?? [];
  return purchase.lines.map((line, index) => {
    const item = items.find((i) => i.id === index) ?? items[index];
    const unitPrice = item?.pricing?.price ?? item?.pricing?.listPrice;
    if (!item || unitPrice === undefined || unitPrice === null) return { line };
    const extended = item.pricing?.extendedPrice;
    const termTotal = typeof extended === 'number' && item.quantity > 0 ? Math.round((extended / item.quantity) * line.quantity * 100) / 100 : undefined;
    return {
      line,
      price: {
        unitPrice,
        quantity: line.quantity,
        currency: item.currencyCode ?? 'USD',
        billingCycle: item.billingCycle,
        termDuration: item.termDuration ?? line.termDuration,
        termTotal,
      },
    };
  });
}

/** The priced lines alone, for the commitment texts. */
export function linePrices(purchase: Purchase): PricedLine[] {
  return pricedLines(purchase).flatMap(({ price }) => (price ? [price] : []));
}
