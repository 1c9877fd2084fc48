import { cartTotals, type CurrencyTotal } from './priced-cart';
import { partnerCenterCart, type Purchase, type SeatsPurchase } from './purchase';

/**
 * What a purchase costs per currency, as the threshold compares it; undefined when Partner Center gave
 * no price. Carts: the cart's own totals, unless a line came back without a price (it could cost anything). An order (POST /orders): none, the orders API quotes no price
 * before the order exists. An add-on: its unit price × the quantity the rep chose on Buy. A new-commerce
 * add-on's cart was priced for its minimum quantity (the quantity is chosen later and sent by the
 * checkout's PUT), so its full-term amount is scaled to that quantity. A legacy add-on has no price at
 * all: GET /offers/{id}/addons carries none, and the PATCH that buys it neither quotes nor asks for one.
 * A seat change: fewer seats or a cancellation spends nothing; more seats are not priced by the
 * subscription PATCH, so their cost is unknown (with approvals on, an approver decides).
 */
export function purchaseTotals(purchase: Purchase): CurrencyTotal[] | undefined {
  if (purchase.kind === 'order') return undefined;
  if (purchase.kind === 'seats') return seatChangeTotals(purchase);
  if (purchase.kind !== 'addon') return everyLinePriced(purchase) ? cartTotals(purchase) : undefined;
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

function everyLinePriced(purchase: Purchase): boolean {
  return (partnerCenterCart(purchase)?.lineItems ?? []).every((item) => typeof (item.pricing?.extendedPrice ?? item.pricing?.price) === 'number');
}

function seatChangeTotals(purchase: SeatsPurchase): CurrencyTotal[] | undefined {
  const change = purchase.seats.change;
  return change?.kind === 'quantity' && change.to > change.from ? undefined : [];
}
