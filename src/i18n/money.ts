import { resolveLocale } from './locale';

/** An amount in the user's locale and the line's currency ("$1,094.40", "1094,40 USD"). */
export function money(locale: string, amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(resolveLocale(locale), { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
