import type { CallContext, PartnerCenterReader } from '../../../src/partner-center';
import type { Subscription } from '../../../src/partner-center/schemas';
import { reusingSubscriptionLists } from '../../../src/partner-center/shown-subscriptions';

const ctx: CallContext = { correlationId: 'c0ffee00-0000-4000-8000-000000000001', locale: 'en-US' };
const CUSTOMER = '46A62ECE-10AD-42E5-B3F1-B2ED53E6FC08';

describe('reusingSubscriptionLists', () => {
  it('reads a customer’s subscriptions once a minute for what cards show, and hands out copies', async () => {
    let now = 0;
    let reads = 0;
    const source = { listSubscriptions: async () => [{ id: `s-${++reads}`, friendlyName: 'Sales' } as Subscription] } as unknown as PartnerCenterReader;
    const reader = reusingSubscriptionLists(source, () => now);

    const first = await reader.listSubscriptions(ctx, CUSTOMER);
    first[0]!.friendlyName = 'changed by a caller';
    now += 59_000;
    expect(await reader.listSubscriptions(ctx, CUSTOMER.toLowerCase())).toEqual([{ id: 's-1', friendlyName: 'Sales' }]);
    now += 2_000;
    expect(await reader.listSubscriptions(ctx, CUSTOMER)).toEqual([{ id: 's-2', friendlyName: 'Sales' }]);
  });

  it('forgets a failed read at once', async () => {
    let attempts = 0;
    const source = { listSubscriptions: async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('Partner Center unavailable');
      return [];
    } } as unknown as PartnerCenterReader;
    const reader = reusingSubscriptionLists(source, () => 0);

    await expect(reader.listSubscriptions(ctx, CUSTOMER)).rejects.toThrow('unavailable');
    await expect(reader.listSubscriptions(ctx, CUSTOMER)).resolves.toEqual([]);
  });

  it('forgets a customer in every locale when their subscriptions changed, and only that customer', async () => {
    let reads = 0;
    const source = { listSubscriptions: async () => [{ id: `s-${++reads}` } as Subscription] } as unknown as PartnerCenterReader;
    const reader = reusingSubscriptionLists(source, () => 0);
    const polish: CallContext = { ...ctx, locale: 'pl-PL' };
    const OTHER = '0b0b0b0b-0000-4000-8000-000000000002';

    await reader.listSubscriptions(ctx, CUSTOMER);
    await reader.listSubscriptions(polish, CUSTOMER);
    await reader.listSubscriptions(ctx, OTHER);
    reader.forgetCustomer(CUSTOMER.toLowerCase());

    expect(await reader.listSubscriptions(ctx, CUSTOMER)).toEqual([{ id: 's-4' }]);
    expect(await reader.listSubscriptions(polish, CUSTOMER)).toEqual([{ id: 's-5' }]);
    expect(await reader.listSubscriptions(ctx, OTHER)).toEqual([{ id: 's-3' }]);
  });

  it('reuses co-term end dates per term for a minute, and forgets them with the customer’s subscriptions', async () => {
    let reads = 0;
    const source = {
      listSubscriptions: async () => [],
      listCustomTermEndDates: async (_ctx: CallContext, _customerId: string, termDuration: string) => [
        { allowedCustomTermEndDate: `2027-0${++reads}-01T00:00:00Z`, allowedCustomTermEndDateType: termDuration },
      ],
    } as unknown as PartnerCenterReader;
    let now = 0;
    const reader = reusingSubscriptionLists(source, () => now);
    const OTHER = '0b0b0b0b-0000-4000-8000-000000000002';

    const yearly = await reader.listCustomTermEndDates(ctx, CUSTOMER, 'P1Y');
    const monthly = await reader.listCustomTermEndDates(ctx, CUSTOMER, 'P1M');
    await reader.listCustomTermEndDates(ctx, OTHER, 'P1Y');
    now += 59_000;
    expect(await reader.listCustomTermEndDates(ctx, CUSTOMER.toLowerCase(), 'P1Y')).toEqual(yearly);
    expect(await reader.listCustomTermEndDates(ctx, CUSTOMER, 'P1M')).toEqual(monthly);
    expect(reads).toBe(3);

    // An order of this customer was provisioned: its new subscription is a date to co-term with.
    reader.forgetCustomer(CUSTOMER);
    expect(await reader.listCustomTermEndDates(ctx, CUSTOMER, 'P1Y')).toEqual([
      { allowedCustomTermEndDate: '2027-04-01T00:00:00Z', allowedCustomTermEndDateType: 'P1Y' },
    ]);
    await reader.listCustomTermEndDates(ctx, CUSTOMER, 'P1M');
    await reader.listCustomTermEndDates(ctx, OTHER, 'P1Y');
    expect(reads).toBe(5);
  });
});
