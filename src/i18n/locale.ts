/** Locales with a complete catalog. Teams sends the client locale on every activity (`activity.locale`). */
const SUPPORTED_LOCALES = ['en-US', 'pl-PL'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
const DEFAULT_LOCALE: SupportedLocale = 'en-US';

/** Picks the best catalog for a client locale: exact match, then same language, then English. */
export function resolveLocale(requested: string | undefined | null): SupportedLocale {
  if (!requested) return DEFAULT_LOCALE;
  const lower = requested.toLowerCase();
  const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split(/[-_]/)[0];
  return SUPPORTED_LOCALES.find((l) => l.toLowerCase().startsWith(`${language}-`)) ?? DEFAULT_LOCALE;
}
