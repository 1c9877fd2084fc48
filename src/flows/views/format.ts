/** Locale-aware formatting of what cards show: money, dates, terms (Intl, per the user's locale). */
import { t } from '../../i18n/translate';
import { resolveLocale } from '../../i18n/locale';
import type { BillingCycle } from '../../partner-center/schemas';

export { money } from '../../i18n/money';

/**
 * An order id as every card body shows it: Partner Center's new-commerce ids are 12 hex characters, its
 * legacy ones GUIDs; both are shown lower-case and without dashes, a GUID cut to its first 12 characters
 * (the whole id is under the card's Details, for support).
 */
export function orderRef(orderId: string): string {
  const compact = orderId.replace(/-/g, '').toLowerCase();
  return compact.length > 12 ? `${compact.slice(0, 12)}…` : compact;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Building an Intl.DateTimeFormat costs far more than formatting with one, and a line card formats a date
 * per co-term choice (1.2 % of the bot's CPU at 200 reps); one per supported locale is kept. A calendar
 * date (a co-term end date) is the same day everywhere, so it is formatted in UTC.
 */
function dateFormat(locale: string): Intl.DateTimeFormat {
  const resolved = resolveLocale(locale);
  let format = dateFormats.get(resolved);
  if (!format) {
    format = new Intl.DateTimeFormat(resolved, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(resolved, format);
  }
  return format;
}

export function dateOnly(locale: string, iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locale).format(date);
}

export function termLabel(locale: string, duration: string | undefined): string {
  if (duration === 'P1M' || duration === 'P1Y' || duration === 'P3Y') return t(locale, `term.${duration}`);
  return duration ?? '';
}

export function billingLabel(locale: string, cycle: BillingCycle): string {
  switch (cycle) {
    case 'monthly':
    case 'annual':
    case 'triennial':
    case 'one_time':
    case 'none':
      return t(locale, `billing.${cycle}`);
    default:
      return cycle;
  }
}

/** Partner Center's order statuses (none, pending, completed, cancelled) in words; anything newer as sent. */
export function orderStatusLabel(locale: string, status: string | null | undefined): string {
  switch (status?.toLowerCase()) {
    case 'pending':
    case 'completed':
    case 'cancelled':
    case 'none':
      return t(locale, `orderStatus.${status.toLowerCase() as 'pending' | 'completed' | 'cancelled' | 'none'}`);
    default:
      return status ?? '—';
  }
}

/** A line's product and SKU in one title; SKU titles often repeat the product ("Office 365 E5 without…"). */
export function productAndSku(productTitle: string, skuTitle: string): string {
  if (!skuTitle || skuTitle.toLowerCase().startsWith(productTitle.toLowerCase())) return skuTitle || productTitle;
  return `${productTitle} — ${skuTitle}`;
}
