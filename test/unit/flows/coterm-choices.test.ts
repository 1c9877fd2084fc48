import { MAX_CARD_BYTES } from '../../../src/cards/card-guard';
import { cotermChoices, MAX_COTERM_CHOICES, type CotermListing } from '../../../src/flows/cart/offering';
import { lineCard } from '../../../src/flows/cart/views/line-card';
import type { Purchase } from '../../../src/flows/purchase/purchase';
import { productSchema, skuSchema, availabilitySchema, subscriptionSchema, type Subscription } from '../../../src/partner-center/schemas';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const subscription = (i: number, endDate: string, extra: Partial<Subscription> = {}): Subscription =>
  subscriptionSchema.parse({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, offerId: 'CFQ7TTC0LF8S:0001', quantity: 1, status: 'active',
    friendlyName: `Department ${i} with a deliberately long friendly name for its licences`, commitmentEndDate: `${endDate}T00:00:00Z`, ...extra,
  });

/** 422 subscriptions ending on 400 different days, as a large customer has (the benchmark's finding). */
function largeCustomer(): Subscription[] {
  const start = Date.UTC(2027, 0, 1);
  return Array.from({ length: 422 }, (_, i) => subscription(i, new Date(start + ((i % 400) * 86_400_000)).toISOString().slice(0, 10)));
}

/** What Partner Center's custom-term-end-date listing says for P1Y when `subscriptions` end inside the first year. */
function listingFor(subscriptions: Subscription[]): CotermListing {
  const byDate = new Map<string, string[]>();
  for (const s of subscriptions) {
    const date = (s.commitmentEndDate ?? '').slice(0, 10);
    byDate.set(date, [...(byDate.get(date) ?? []), s.id]);
  }
  return {
    termDuration: 'P1Y',
    dates: [
      { date: '2027-10-31', calendarMonth: true, subscriptionIds: [] },
      ...[...byDate].map(([date, ids]) => ({ date, calendarMonth: false, subscriptionIds: ids })),
    ],
  };
}

describe('co-terminate choices', () => {
  it('offers the dates Partner Center lists, per term, soonest first, named after what ends then', () => {
    const owned = [subscription(1, '2027-05-01'), subscription(2, '2027-03-01'), subscription(3, '2027-05-01')];
    const monthly: CotermListing = { termDuration: 'P1M', dates: [{ date: '2027-01-31', calendarMonth: true, subscriptionIds: [] }] };
    const choices = cotermChoices([listingFor(owned), monthly], owned);
    expect(choices.map((c) => [c.value, c.subscriptionName, c.alsoEnding])).toEqual([
      ['P1M|2027-01-31', undefined, 0],
      ['P1Y|2027-03-01', owned[1]!.friendlyName, 0],
      ['P1Y|2027-05-01', owned[0]!.friendlyName, 1],
      ['P1Y|2027-10-31', undefined, 0],
    ]);
  });

  it('keeps a large customer\'s line card within the 28 KB budget', () => {
    const customer = largeCustomer();
    const choices = cotermChoices([listingFor(customer)], customer);
    expect(choices).toHaveLength(MAX_COTERM_CHOICES);
    expect(choices[0].endDate).toBe('2027-01-01');
    const product = productSchema.parse({ id: 'CFQ7TTC0LF8S', title: 'Office 365 E5', productType: { id: 'OnlineServices' } });
    const sku = skuSchema.parse({ id: '0001', productId: product.id, title: 'Office 365 E5', minimumQuantity: 1, maximumQuantity: 5000 });
    const availability = availabilitySchema.parse({ id: 'CFQ7TTC0VZW5', productId: product.id, skuId: sku.id, catalogItemId: 'CFQ7TTC0LF8S:0001:CFQ7TTC0VZW5' });
    const purchase = {
      id: '5b0b5a8e-3d55-4a39-9d0c-9b0f7b6d6a11', kind: 'cart', status: 'draft', version: 1, locale: 'pl-PL', correlationId: 'c', lines: [],
      owner: { aadObjectId: 'a', tenantId: 't', name: 'Rita', userId: '29:r' }, conversation: { id: 'c', type: 'personal', reference: {} },
      customer: { id: CONTOSO_ID, name: 'Contoso Ltd' }, createdAt: '2026-11-22T00:00:00Z', updatedAt: '2026-11-22T00:00:00Z',
    } satisfies Purchase;
    const offering = {
      product, provisioningVariables: [], minQuantity: 1, maxQuantity: 5000, cotermListings: [listingFor(customer)],
      options: [{ value: '0001|CFQ7TTC0VZW5|P1Y|monthly', sku, availability, termDuration: 'P1Y', billingCycle: 'monthly' as const }],
    };
    const card = lineCard(purchase, offering, choices, { values: {}, errors: {} });
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
