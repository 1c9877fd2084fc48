import type { BillingCycle } from '../partner-center/schemas';
import { money } from './money';
import { t } from './translate';

/** A priced line as Partner Center quotes it. */
export interface PricedLine {
  /** Partner Center's `price`: per licence per billing period. */
  unitPrice: number;
  quantity: number;
  currency: string;
  billingCycle: BillingCycle;
  /** ISO-8601 term (`P1M`, `P1Y`, `P3Y`); none for a purchase without a term. */
  termDuration?: string | null;
  /** Partner Center's `extendedPrice` (every licence for the whole term) where it gave one: it knows prorations. */
  termTotal?: number | null;
}

/** What one billing cycle asks for, summed over the lines billed that way. */
interface PeriodAmount {
  billingCycle: Exclude<BillingCycle, 'none'>;
  amount: number;
}

/** A cart's money in one currency: what falls due per billing cycle, and the whole commitment. */
interface CurrencyCommitment {
  currency: string;
  dueEachPeriod: PeriodAmount[];
  commitment: number;
}

const BILLING_MONTHS: Partial<Record<BillingCycle, number>> = { monthly: 1, annual: 12, biennial: 24, triennial: 36 };
const CYCLE_ORDER: PeriodAmount['billingCycle'][] = ['monthly', 'annual', 'biennial', 'triennial', 'one_time', 'unknown'];

const cents = (amount: number): number => Math.round(amount * 100) / 100;

/** Months in an ISO-8601 term of months or years (`P1M` → 1, `P3Y` → 36); undefined for anything else. */
function termMonths(termDuration: string | null | undefined): number | undefined {
  const match = /^P(\d+)([MY])$/i.exec(termDuration ?? '');
  if (!match) return undefined;
  return Number(match[1]) * (match[2]?.toUpperCase() === 'Y' ? 12 : 1);
}

/** "1-year term", "okres 3 lata"; the raw duration when it is not whole months or years. */
export function termText(locale: string, termDuration: string | null | undefined): string {
  const months = termMonths(termDuration);
  if (months === undefined) return termDuration ?? '';
  return months % 12 === 0 ? t(locale, 'price.termYears', { count: months / 12 }) : t(locale, 'price.termMonths', { count: months });
}

/**
 * Everything the line costs over its term: Partner Center's extendedPrice when given, else the price per
 * billing period times the periods in the term (a one-time price is paid once; a trial costs nothing).
 */
function lineTermTotal(line: PricedLine): number {
  if (line.billingCycle === 'none') return 0;
  if (line.termTotal !== undefined && line.termTotal !== null) return line.termTotal;
  const billingMonths = BILLING_MONTHS[line.billingCycle];
  const months = termMonths(line.termDuration);
  const periods = billingMonths !== undefined && months !== undefined ? Math.max(1, months / billingMonths) : 1;
  return cents(line.unitPrice * line.quantity * periods);
}

/**
 * One line's price with its period, e.g. "$30.40 per licence per month · 1-year term · $1,094.40 for the term"
 * or "30,40 USD za licencję miesięcznie · okres 1 rok · 1094,40 USD za cały okres".
 */
export function linePriceText(locale: string, line: PricedLine): string {
  const term = line.termDuration ? termText(locale, line.termDuration) : '';
  if (line.billingCycle === 'none') return [t(locale, 'price.freeTrial'), term].filter(Boolean).join(' · ');
  const each = t(locale, `price.each.${line.billingCycle}`, { price: money(locale, line.unitPrice, line.currency) });
  const total = money(locale, lineTermTotal(line), line.currency);
  return term ? [each, term, t(locale, 'price.forTerm', { amount: total })].join(' · ') : [each, t(locale, 'price.inAll', { amount: total })].join(' · ');
}

/**
 * A cart's money per currency: what is due each billing period (a monthly line and a yearly line are
 * never added into one figure) and the total commitment over every line's term, which can be added.
 */
export function cartCommitments(lines: readonly PricedLine[]): CurrencyCommitment[] {
  const byCurrency = new Map<string, { due: Map<PeriodAmount['billingCycle'], number>; commitment: number }>();
  for (const line of lines) {
    if (line.billingCycle === 'none') continue;
    const entry = byCurrency.get(line.currency) ?? { due: new Map(), commitment: 0 };
    entry.due.set(line.billingCycle, (entry.due.get(line.billingCycle) ?? 0) + line.unitPrice * line.quantity);
    entry.commitment += lineTermTotal(line);
    byCurrency.set(line.currency, entry);
  }
  return [...byCurrency].map(([currency, { due, commitment }]) => ({
    currency,
    dueEachPeriod: CYCLE_ORDER.flatMap((billingCycle) => { const amount = due.get(billingCycle); return amount === undefined ? [] : [{ billingCycle, amount: cents(amount) }]; }),
    commitment: cents(commitment),
  }));
}

/** The cart's money as lines of text: "Due each month: $91.20", "Due each year: $364.80", "Total commitment: $1,459.20". */
export function cartCommitmentTexts(locale: string, lines: readonly PricedLine[]): string[] {
  return cartCommitments(lines).flatMap(({ currency, dueEachPeriod, commitment }) => [
    ...dueEachPeriod.map(({ billingCycle, amount }) => t(locale, `price.due.${billingCycle}`, { amount: money(locale, amount, currency) })),
    t(locale, 'price.commitment', { amount: money(locale, commitment, currency) }),
  ]);
}
