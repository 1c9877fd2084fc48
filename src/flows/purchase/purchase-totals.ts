import { cartTotals, type CurrencyTotal } from './priced-cart';
import { kindOf, type PurchaseKinds } from './purchase-kind';
import { partnerCenterCart, type AddOnPurchase, type Purchase } from './purchase';

/**
 * What a purchase costs per currency, as the threshold compares it; undefined when Partner Center gave
 * no price. Each kind says it (PurchaseKindHandler.totals).
 */
export function purchaseTotals(kinds: PurchaseKinds, purchase: Purchase): CurrencyTotal[] | undefined {
  return kindOf(kinds, purchase).totals();
}

/** A cart's own totals, unless a line came back without a price (it could cost anything). */
export function pricedCartTotals(purchase: Purchase): CurrencyTotal[] | undefined {
  const everyLinePriced = (partnerCenterCart(purchase)?.lineItems ?? [])
    .every((item) => typeof (item.pricing?.extendedPrice ?? item.pricing?.price) === 'number');
  return everyLinePriced ? cartTotals(purchase) : undefined;
}

/**
 * An add-on: its unit price × the quantity the rep chose on Buy. A new-commerce add-on's cart was priced
 * for its minimum quantity (the quantity is chosen later and sent by the checkout's PUT), so its
 * full-term amount is scaled to that quantity. A legacy add-on has no price at all: GET
 * /offers/{id}/addons carries none, and the PATCH that buys it neither quotes nor asks for one.
 */
export function addOnTotals(purchase: AddOnPurchase): CurrencyTotal[] | undefined {
  const item = purchase.cart?.lineItems[0];
  const line = purchase.lines[0];
  const pricing = item?.pricing;
  if (!item || !line || !pricing) return undefined;
  const fullTermUnit = typeof pricing.extendedPrice === 'number' && item.quantity > 0
    ? pricing.extendedPrice / item.quantity
    : (pricing.price ?? pricing.listPrice);
  if (fullTermUnit === undefined || fullTermUnit === null) return undefined;
  return [{ currency: item.currencyCode ?? 'USD', amount: Math.round(fullTermUnit * line.quantity * 100) / 100 }];
}
