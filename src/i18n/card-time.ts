/**
 * Times a card shows in the reader's own zone and language: Adaptive Cards' `{{DATE(…)}}` and
 * `{{TIME(…)}}` text functions, which Teams formats on the reader's device. They work in TextBlock text
 * (and the renderer's facts), not in choice or button titles, and only for a timestamp written exactly
 * as RFC 3339 with seconds and no fraction (`2026-12-04T15:26:55Z`): anything else is shown raw.
 */
type CardDateFormat = 'SHORT' | 'LONG' | 'COMPACT';

/** The timestamp as the DATE and TIME functions require it, in UTC; undefined when it is not a time. */
export function cardTimestamp(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "Fri, Dec 4, 2026" on an English device, "pt., 4 gru 2026" on a Polish one; '' without a time. */
export function cardDate(iso: string | null | undefined, format: CardDateFormat = 'SHORT'): string {
  const timestamp = cardTimestamp(iso);
  return timestamp ? `{{DATE(${timestamp}, ${format})}}` : '';
}

/** "4:26 PM" / "16:26" in the reader's zone; '' without a time. */
export function cardTime(iso: string | null | undefined): string {
  const timestamp = cardTimestamp(iso);
  return timestamp ? `{{TIME(${timestamp})}}` : '';
}

/** The date and the time, in the reader's zone. */
export function cardDateTime(iso: string | null | undefined, format: CardDateFormat = 'SHORT'): string {
  const timestamp = cardTimestamp(iso);
  return timestamp ? `${cardDate(timestamp, format)} ${cardTime(timestamp)}` : '';
}
