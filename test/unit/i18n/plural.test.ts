import { catalogs, type PluralKey } from '../../../src/i18n/catalogs';
import { pluralForm, textsOf } from '../../../src/i18n/plural';
import { t, tLabel } from '../../../src/i18n/translate';

const COUNTS = [1, 2, 5, 12, 22, 25];
const orders = (locale: string) => COUNTS.map((count) => t(locale, 'result.summaryOrdered', { count }).split('.')[0]);

describe('plural messages', () => {
  it('say "1 order" and "2 orders" in English', () => {
    expect(orders('en-US')).toEqual([
      '1 order created', '2 orders created', '5 orders created', '12 orders created', '22 orders created', '25 orders created',
    ]);
  });

  it('use the Polish one, few and many forms (2, 22 are few; 5, 12, 25 many)', () => {
    expect(orders('pl-PL')).toEqual([
      'Utworzono 1 zamówienie', 'Utworzono 2 zamówienia', 'Utworzono 5 zamówień', 'Utworzono 12 zamówień',
      'Utworzono 22 zamówienia', 'Utworzono 25 zamówień',
    ]);
    expect(COUNTS.map((count) => tLabel('pl-PL', 'addon.subscription.choice', { name: 'Office 365 E3', count }))).toEqual([
      'Office 365 E3 · 1 licencja', 'Office 365 E3 · 2 licencje', 'Office 365 E3 · 5 licencji', 'Office 365 E3 · 12 licencji',
      'Office 365 E3 · 22 licencje', 'Office 365 E3 · 25 licencji',
    ]);
  });

  it('pick the category Intl.PluralRules gives, and "other" for a fraction', () => {
    const forms = { one: 'one', few: 'few', many: 'many', other: 'other' };
    expect([1, 2, 5, 12, 22, 25, 1.5].map((n) => pluralForm('pl-PL', forms, n))).toEqual(['one', 'few', 'many', 'many', 'few', 'many', 'other']);
    expect([0, 1, 2].map((n) => pluralForm('en-US', { one: 'one', other: 'other' }, n))).toEqual(['other', 'one', 'other']);
  });

  it('fill the other placeholders of the chosen form', () => {
    expect(t('en-US', 'confirm.summary', { count: 1, customer: 'Contoso', total: '$10.00' })).toBe('1 line for Contoso, total $10.00.');
    expect(t('pl-PL', 'confirm.summary', { count: 3, customer: 'Contoso', total: '10,00 USD' })).toBe('3 pozycje dla Contoso, razem 10,00 USD.');
  });

  it('leave no "(s)" or "Label: {count}" text in any catalog', () => {
    const texts = Object.values(catalogs).flatMap((catalog) => Object.values(catalog).flatMap(textsOf));
    expect(texts.filter((text) => /\(s\)|\(a\)|\(-aś\)|: \{count\}/.test(text))).toEqual([]);
  });

  it('need a count: a plural key without one does not compile', () => {
    const key: PluralKey = 'pending.count';
    // @ts-expect-error a plural message cannot be filled without its count
    expect(() => t('en-US', key)).not.toThrow();
    // @ts-expect-error nor with a count that is not a number
    expect(t('en-US', key, { count: '2' })).toBe('2 purchases wait for an approver.');
  });
});
