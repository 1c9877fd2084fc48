import { z } from 'zod';

/**
 * An amount per currency, as APPROVAL_THRESHOLD and PURCHASE_LIMIT take it: `5000` (any currency, as one
 * partner selling in one currency writes it) or `USD:5000,EUR:4600,GBP:4000` (only those currencies).
 */
export interface AmountsByCurrency {
  anyCurrency?: number;
  byCurrency: ReadonlyMap<string, number>;
}

/** The amount that applies to `currency`, or undefined when none does. */
export function amountFor(amounts: AmountsByCurrency, currency: string): number | undefined {
  return amounts.byCurrency.get(currency.toUpperCase()) ?? amounts.anyCurrency;
}

const AMOUNT = /^\d+(\.\d{1,2})?$/;
const PAIR = /^([A-Za-z]{3}):(\d+(?:\.\d{1,2})?)$/;

/** The environment variable's text parsed, or a message saying what is expected. */
export const amountsByCurrencySchema = z.string().trim().transform((text, ctx): AmountsByCurrency => {
  const expected = 'expected an amount such as 1000 (0 = always), or amounts per currency such as USD:5000,EUR:4600';
  if (AMOUNT.test(text)) return { anyCurrency: Number(text), byCurrency: new Map() };
  const byCurrency = new Map<string, number>();
  for (const part of text.split(',').map((p) => p.trim())) {
    const pair = PAIR.exec(part);
    if (!pair || byCurrency.has(pair[1].toUpperCase())) {
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    byCurrency.set(pair[1].toUpperCase(), Number(pair[2]));
  }
  return { byCurrency };
});

/** For the start-up log and audit records: `5000` or `USD:5000,EUR:4600`. */
export function describeAmounts(amounts: AmountsByCurrency): string {
  if (amounts.anyCurrency !== undefined) return String(amounts.anyCurrency);
  return [...amounts.byCurrency].map(([currency, amount]) => `${currency}:${amount}`).join(',');
}
