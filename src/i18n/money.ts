import { resolveLocale } from './locale';

/** Building an Intl.NumberFormat costs far more than formatting with one; cards show a price per line. */
const formats = new Map<string, Intl.NumberFormat>();
/** Partner Center prices in a handful of currencies; past this many the formats are built each time. */
const MAX_FORMATS = 64;

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const resolved = resolveLocale(locale);
  const key = `${resolved}|${currency}`;
  const known = formats.get(key);
  if (known) return known;
  const format = new Intl.NumberFormat(resolved, { style: 'currency', currency });
  if (formats.size < MAX_FORMATS) formats.set(key, format);
  return format;
}

/** An amount in the user's locale and the line's currency ("$1,094.40", "1094,40 USD"). */
export function money(locale: string, amount: number, currency: string): string {
  try {
    return currencyFormat(locale, currency).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
