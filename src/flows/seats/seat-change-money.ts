import { cartCommitments, type PricedLine } from '../../i18n/prices';
import type { CurrencyTotal } from '../purchase/priced-cart';
import type { SeatsPurchase } from '../purchase/purchase';

const cents = (amount: number): number => Math.round(amount * 100) / 100;

/** One licence at the price quoted at review, as src/i18n/prices.ts words it; undefined without a price. */
export function licenceLine(purchase: SeatsPurchase, quantity = 1): PricedLine | undefined {
  const price = purchase.seats.price;
  if (!price) return undefined;
  return {
    unitPrice: price.unitPrice,
    quantity,
    currency: price.currency,
    billingCycle: price.billingCycle,
    termDuration: price.termDuration,
    termTotal: price.unitTermTotal === undefined ? undefined : cents(price.unitTermTotal * quantity),
  };
}

/** The licences a change of the total adds or removes, priced; undefined for a cancellation or without a price. */
export function seatDifferenceLine(purchase: SeatsPurchase): PricedLine | undefined {
  const change = purchase.seats.change;
  if (change?.kind !== 'quantity' || change.to === change.from) return undefined;
  return licenceLine(purchase, Math.abs(change.to - change.from));
}

/**
 * What a seat change spends, as the approval threshold compares it: fewer seats or a cancellation spend
 * nothing; more seats cost the added licences for a whole term at the quoted price (the same full-term
 * figure an add-on is judged by; Partner Center may charge less, as they end with the subscription's
 * term). Unknown when Partner Center gave no price: with approvals on, an approver decides.
 */
export function seatChangeTotals(purchase: SeatsPurchase): CurrencyTotal[] | undefined {
  const change = purchase.seats.change;
  if (change?.kind !== 'quantity' || change.to <= change.from) return [];
  const added = seatDifferenceLine(purchase);
  return added ? cartCommitments([added]).map(({ currency, commitment }) => ({ currency, amount: commitment })) : undefined;
}

/** What the added seats cost, for the commitment texts; none for a change that spends nothing. */
export function seatChangePrices(purchase: SeatsPurchase): PricedLine[] {
  const change = purchase.seats.change;
  const added = change?.kind === 'quantity' && change.to > change.from ? seatDifferenceLine(purchase) : undefined;
  return added ? [added] : [];
}
