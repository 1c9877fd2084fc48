import { enUS } from './en-US';
import { plPL } from './pl-PL';
import type { SupportedLocale } from '../locale';
import type { PluralForms, PolishMessages } from '../plural';

type English = typeof enUS;
/** Keys of plain messages. */
export type MessageKey = { [K in keyof English]: English[K] extends string ? K : never }[keyof English];
/** Keys of plural messages: `t` requires their `count`. */
export type PluralKey = Exclude<keyof English, MessageKey>;
export type CatalogKey = MessageKey | PluralKey;
type Catalog = Record<MessageKey, string> & Record<PluralKey, PluralForms>;

/** Polish must define every English key, plurals with all their forms: `satisfies` makes a gap a compile error. */
export const catalogs: Record<SupportedLocale, Catalog> = {
  'en-US': enUS,
  'pl-PL': plPL satisfies PolishMessages<English>,
};
