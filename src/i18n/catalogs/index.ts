import { enUS } from './en-US';
import { plPL } from './pl-PL';
import type { SupportedLocale } from '../locale';

export type MessageKey = keyof typeof enUS;
type Catalog = Record<MessageKey, string>;

/** Polish must define every English key: `satisfies` makes a missing translation a compile error. */
export const catalogs: Record<SupportedLocale, Catalog> = {
  'en-US': enUS,
  'pl-PL': plPL satisfies Catalog,
};
