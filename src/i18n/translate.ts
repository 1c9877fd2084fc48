import { displayText } from '../cards/card-guard';
import { plainText } from '../cards/plain-text';
import { catalogs, type CatalogKey, type MessageKey, type PluralKey } from './catalogs';
import { resolveLocale } from './locale';
import { pluralForm } from './plural';

type MessageParams = Record<string, string | number>;
/** A plural message picks its form by `count`, which it also shows. */
type PluralParams = MessageParams & { count: number };

/** Values come from outside the catalogs (names, typed text, Partner Center messages): never markdown. */
function asText(value: string | number): string {
  return typeof value === 'string' ? plainText(value) : String(value);
}

/** Values in a place Teams shows unrendered: as they are, only `${` neutralised for the card guard. */
function asLabel(value: string | number): string {
  return typeof value === 'string' ? displayText(value) : String(value);
}

function fill(locale: string | undefined, key: CatalogKey, params: MessageParams, asValue: (value: string | number) => string): string {
  const resolved = resolveLocale(locale);
  const message = catalogs[resolved][key] ?? catalogs['en-US'][key];
  const template = typeof message === 'string' ? message : pluralForm(resolved, message, Number(params.count));
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? asValue(params[name]) : whole,
  );
}

/**
 * Text for a key in the user's locale, with `{name}` placeholders filled. Every user-visible string goes
 * through here; a key missing from a locale falls back to English (tests keep the catalogs complete).
 * A plural key without a `count` does not compile.
 */
// Placeholders are filled as plain text (markdown escaped): the catalog's own markdown stays markdown.
export function t(locale: string | undefined, key: MessageKey, params?: MessageParams): string;
export function t(locale: string | undefined, key: PluralKey, params: PluralParams): string;
export function t(locale: string | undefined, key: CatalogKey, params: MessageParams = {}): string {
  return fill(locale, key, params, asText);
}

/**
 * `t` for the places Teams does not render as markdown — button titles, choice titles, input labels and
 * placeholders: there a markdown escape would show as a stray backslash, so the values go in as they are.
 */
export function tLabel(locale: string | undefined, key: MessageKey, params?: MessageParams): string;
export function tLabel(locale: string | undefined, key: PluralKey, params: PluralParams): string;
export function tLabel(locale: string | undefined, key: CatalogKey, params: MessageParams = {}): string {
  return fill(locale, key, params, asLabel);
}
