import type { CartError } from '../../partner-center/schemas';
import { partnerCenterCart, type Purchase } from './purchase';

export interface CurrencyTotal {
  currency: string;
  amount: number;
}

/** Totals per currency from the cart's own pricing (extendedPrice is the line's full-term amount). */
export function cartTotals(purchase: Purchase): CurrencyTotal[] {
  const totals = new Map<string, number>();
  for (const item of partnerCenterCart(purchase)?.lineItems ?? []) {
    const pricing = item.pricing;
    const amount = pricing?.extendedPrice ?? (pricing?.price ?? 0) * item.quantity;
    const currency = item.currencyCode ?? 'USD';
    totals.set(currency, (totals.get(currency) ?? 0) + amount);
  }
  return [...totals].map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 }));
}

/** Line errors come back inside a 201 cart (create-a-cart): a cart with any is not orderable. */
export function cartLineErrors(purchase: Purchase): CartError[] {
  return (partnerCenterCart(purchase)?.lineItems ?? []).flatMap((item) => (item.error ? [item.error] : []));
}

/** Priced and free of line errors: what the confirmation and "Place order" require. */
export function isOrderable(purchase: Purchase): boolean {
  return purchase.status === 'priced' && cartLineErrors(purchase).length === 0;
}

/** Carts expire 7 days after creation; an expired cart cannot be checked out (checkout-a-cart). */
export function cartExpired(purchase: Purchase, now: Date): boolean {
  const expires = partnerCenterCart(purchase)?.expirationTimestamp;
  return expires ? Date.parse(expires) <= now.getTime() : false;
}
