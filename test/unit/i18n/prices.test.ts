import { cartCommitments, cartCommitmentTexts, linePriceText, termText, type PricedLine } from '../../../src/i18n/prices';

/** Intl puts no-break spaces in Polish amounts ("1094,40 USD"); compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const e3Monthly: PricedLine = { unitPrice: 30.4, quantity: 3, currency: 'USD', billingCycle: 'monthly', termDuration: 'P1Y' };
const e3Annual: PricedLine = { unitPrice: 364.8, quantity: 1, currency: 'USD', billingCycle: 'annual', termDuration: 'P1Y' };

describe('a line price that says its period', () => {
  it('says per licence per month, the term and the whole term in English', () => {
    expect(linePriceText('en-US', e3Monthly)).toBe('$30.40 per licence per month · 1-year term · $1,094.40 for the term');
  });

  it('says the same in Polish, with Polish numbers and currency', () => {
    expect(plain(linePriceText('pl-PL', e3Monthly))).toBe('30,40 USD za licencję miesięcznie · okres 1 rok · 1094,40 USD za cały okres');
    expect(plain(linePriceText('pl-PL', { ...e3Monthly, unitPrice: 1234.5 }))).toContain('1234,50 USD za licencję miesięcznie');
  });

  it.each<[string, PricedLine, string]>([
    ['P1Y billed annually', e3Annual, '$364.80 per licence per year · 1-year term · $364.80 for the term'],
    ['P1M billed monthly', { ...e3Monthly, termDuration: 'P1M', unitPrice: 36.48 }, '$36.48 per licence per month · 1-month term · $109.44 for the term'],
    ['P3Y billed triennially', { ...e3Monthly, billingCycle: 'triennial', termDuration: 'P3Y', unitPrice: 1000 }, '$1,000.00 per licence every 3 years · 3-year term · $3,000.00 for the term'],
    ['P3Y billed annually', { ...e3Monthly, billingCycle: 'annual', termDuration: 'P3Y', unitPrice: 100, quantity: 1 }, '$100.00 per licence per year · 3-year term · $300.00 for the term'],
    ['P1Y paid once (a reservation)', { ...e3Monthly, billingCycle: 'one_time', unitPrice: 500, quantity: 2 }, '$500.00 per licence, paid once · 1-year term · $1,000.00 for the term'],
    ['paid once without a term (software)', { ...e3Monthly, billingCycle: 'one_time', termDuration: null, unitPrice: 50, quantity: 2 }, '$50.00 per licence, paid once · $100.00 in all'],
    ['a free trial (billing none)', { ...e3Monthly, billingCycle: 'none', termDuration: 'P1M', unitPrice: 0 }, 'Free trial · 1-month term'],
  ])('%s', (_, line, expected) => {
    expect(linePriceText('en-US', line)).toBe(expected);
  });

  it("takes Partner Center's extendedPrice for the term when it gives one (prorated, aligned end dates)", () => {
    expect(linePriceText('en-US', { ...e3Monthly, termTotal: 800.25 })).toBe('$30.40 per licence per month · 1-year term · $800.25 for the term');
  });

  it('names terms with Polish plurals', () => {
    expect(['P1M', 'P3M', 'P1Y', 'P3Y', 'P5Y'].map((term) => termText('pl-PL', term))).toEqual(['okres 1 miesiąc', 'okres 3 miesiące', 'okres 1 rok', 'okres 3 lata', 'okres 5 lat']);
    expect(termText('en-US', 'P30D')).toBe('P30D');
  });
});

describe('a cart whose lines differ in term or billing', () => {
  const triennial: PricedLine = { unitPrice: 1000, quantity: 1, currency: 'USD', billingCycle: 'triennial', termDuration: 'P3Y' };
  const oneTime: PricedLine = { unitPrice: 250, quantity: 2, currency: 'USD', billingCycle: 'one_time', termDuration: 'P1Y' };
  const trial: PricedLine = { unitPrice: 0, quantity: 25, currency: 'USD', billingCycle: 'none', termDuration: 'P1M' };

  it('shows what is due each month and each year apart, never one sum of both, and the total commitment', () => {
    expect(cartCommitmentTexts('en-US', [e3Monthly, e3Annual])).toEqual([
      'Due each month: $91.20',
      'Due each year: $364.80',
      'Total commitment: $1,459.20',
    ]);
  });

  it('keeps every billing cycle apart (monthly, annual, triennial, one_time), and leaves a free trial out', () => {
    expect(cartCommitments([oneTime, triennial, e3Annual, trial, e3Monthly, e3Monthly])).toEqual([
      {
        currency: 'USD',
        dueEachPeriod: [
          { billingCycle: 'monthly', amount: 182.4 },
          { billingCycle: 'annual', amount: 364.8 },
          { billingCycle: 'triennial', amount: 1000 },
          { billingCycle: 'one_time', amount: 500 },
        ],
        commitment: 4053.6,
      },
    ]);
  });

  it('says it in Polish', () => {
    expect(cartCommitmentTexts('pl-PL', [e3Monthly, e3Annual, triennial]).map(plain)).toEqual([
      'Płatne co miesiąc: 91,20 USD',
      'Płatne co rok: 364,80 USD',
      'Płatne co 3 lata: 1000,00 USD',
      'Łączne zobowiązanie: 2459,20 USD',
    ]);
  });

  it('never adds amounts in different currencies', () => {
    const euro: PricedLine = { ...e3Monthly, currency: 'EUR', unitPrice: 28 };
    expect(cartCommitmentTexts('en-US', [e3Monthly, euro])).toEqual([
      'Due each month: $91.20', 'Total commitment: $1,094.40', 'Due each month: €84.00', 'Total commitment: €1,008.00',
    ]);
  });
});
