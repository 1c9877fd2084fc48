import { catalogs, type MessageKey } from './catalogs';
import { resolveLocale } from './locale';

export type MessageParams = Record<string, string | number>;

/**
 * Text for a key in the user's locale, with `{name}` placeholders filled. Every user-visible string goes
 * through here; a key missing from a locale falls back to English (tests keep the catalogs complete).
 */
export function t(locale: string | undefined, key: MessageKey, params: MessageParams = {}): string {
  const resolved = resolveLocale(locale);
  const template = catalogs[resolved][key] ?? catalogs['en-US'][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
