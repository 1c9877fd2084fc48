/**
 * Plural messages: one text per plural category of the language, chosen by `Intl.PluralRules` from the
 * `{count}` the message is filled with. English has one/other; Polish one/few/many/other
 * ("1 zamówienie", "2 zamówienia", "5 zamówień", "1,5 zamówienia").
 */
interface EnglishPlural {
  readonly one: string;
  readonly other: string;
}

interface PolishPlural {
  readonly one: string;
  readonly few: string;
  readonly many: string;
  readonly other: string;
}

export type PluralForms = EnglishPlural | PolishPlural;

/** A Polish catalog for English messages `E`: a string for each string, the four Polish forms for each plural. */
export type PolishMessages<E> = { [K in keyof E]: E[K] extends string ? string : PolishPlural };

const rules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let found = rules.get(locale);
  if (!found) {
    found = new Intl.PluralRules(locale);
    rules.set(locale, found);
  }
  return found;
}

/** The form of `forms` the locale's plural rules pick for `count`; `other` where the forms lack that category. */
export function pluralForm(locale: string, forms: PluralForms, count: number): string {
  const category = rulesFor(locale).select(count);
  return (forms as Partial<Record<Intl.LDMLPluralRule, string>>)[category] ?? forms.other;
}

/** Every text a message can show: the message itself, or each of its plural forms. */
export function textsOf(message: string | PluralForms): string[] {
  return typeof message === 'string' ? [message] : Object.values(message);
}
