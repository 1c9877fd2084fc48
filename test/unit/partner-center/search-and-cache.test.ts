import { noToken } from '../../../src/partner-center/auth';
import { createPartnerCenterClient, type PartnerCenterClientOptions } from '../../../src/partner-center/client';
import { looksLikeDomain } from '../../../src/partner-center/customer-search';
import { fakeRuntime, startScriptedServer, testContext as ctx, type ReceivedCall, type Script, type ScriptedServer } from './scripted-server';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(script: Script, options: Partial<PartnerCenterClientOptions> = {}) {
  server = await startScriptedServer(script);
  const clock = fakeRuntime();
  const client = createPartnerCenterClient({ baseUrl: server.baseUrl, tokenProvider: noToken, runtime: clock.runtime, ...options });
  return { client, clock, calls: server.calls };
}

const customer = (id: string, companyName = id) => ({ id, companyProfile: { companyName, domain: `${id}.onmicrosoft.com` } });
const collection = (items: unknown[], extra: object = {}) => ({ totalCount: items.length, items, attributes: { objectType: 'Collection' }, ...extra });
const query = (call: ReceivedCall | undefined) => new URL(call?.url ?? '/', 'http://x').searchParams;

describe('searchCustomers', () => {
  it('filters by company name prefix with starts_with', async () => {
    const { client, calls } = await clientFor(() => ({ body: collection([customer('a')]) }));
    await expect(client.searchCustomers(ctx, ' Cont ', 5)).resolves.toHaveLength(1);
    expect(query(calls[0]).get('size')).toBe('5');
    expect(JSON.parse(query(calls[0]).get('filter') ?? '')).toEqual({ Field: 'CompanyName', Value: 'Cont', Operator: 'starts_with' });
  });

  it('also searches by domain for a domain-like prefix and merges without duplicates', async () => {
    const { client, calls } = await clientFor((call) => {
      const field = JSON.parse(query(call).get('filter') ?? '{}').Field as string;
      return { body: collection(field === 'Domain' ? [customer('b'), customer('c')] : [customer('a'), customer('b')]) };
    });
    const found = await client.searchCustomers(ctx, 'contoso.on', 10);
    expect(found.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(calls.map((call) => JSON.parse(query(call).get('filter') ?? '').Field).sort()).toEqual(['CompanyName', 'Domain']);
    expect(new Set(calls.map((call) => call.headers['ms-requestid'])).size).toBe(2);
  });

  it('follows the continuation token (MS-ContinuationToken + seekOperation=Next) until enough are found', async () => {
    const { client, calls } = await clientFor((_call, index) => {
      const next = { uri: '/customers?size=2&seekOperation=Next', method: 'GET', headers: [{ key: 'MS-ContinuationToken', value: `token-${index + 1}` }] };
      return { body: collection([customer(`c${index * 2}`), customer(`c${index * 2 + 1}`)], { continuationToken: `token-${index + 1}`, links: { next } }) };
    });
    const found = await client.searchCustomers(ctx, 'c', 5);
    expect(found.map((c) => c.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(calls).toHaveLength(3);
    expect(calls[1]?.url).toBe('/v1/customers?size=2&seekOperation=Next');
    expect(calls.map((call) => call.headers['ms-continuationtoken'])).toEqual([undefined, 'token-1', 'token-2']);
  });

  it('pages with a bare continuationToken and stops at the page bound, saying so in the log', async () => {
    const warnings: object[] = [];
    const logger = { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (obj: object) => warnings.push(obj) };
    const { client, calls } = await clientFor(
      (_call, index) => ({ body: collection([customer(`c${index}`)], { continuationToken: `t${index}` }) }),
      { maxPages: 3, logger },
    );
    await expect(client.searchCustomers(ctx, 'c', 100)).resolves.toHaveLength(3);
    expect(calls).toHaveLength(3);
    expect(query(calls[1]).get('seekOperation')).toBe('Next');
    expect(warnings).toEqual([expect.objectContaining({ pages: 3, items: 3 })]);
  });

  it('lists customers without a filter for an empty prefix', async () => {
    const { client, calls } = await clientFor(() => ({ body: collection([customer('a')]) }));
    await client.searchCustomers(ctx, '');
    expect(query(calls[0]).has('filter')).toBe(false);
    expect(query(calls[0]).get('size')).toBe('25');
  });

  it.each([
    ['contoso.com', true],
    ['contoso.', true],
    ['Contoso Ltd.', false],
    ['contoso', false],
  ])('looksLikeDomain(%s) = %s', (prefix, expected) => expect(looksLikeDomain(prefix)).toBe(expected));
});

describe('paging of other lists', () => {
  it('follows links.next for catalog lists too', async () => {
    const { client, calls } = await clientFor((_call, index) => ({
      body: collection([{ id: `P${index}`, title: 'x' }], index === 0 ? { links: { next: { uri: '/customers/c/products?targetView=OnlineServices&offset=1' } } } : {}),
    }), { catalogCacheTtlMs: 0 });
    await expect(client.listProducts(ctx, 'c', 'OnlineServices')).resolves.toHaveLength(2);
    expect(calls[1]?.url).toBe('/v1/customers/c/products?targetView=OnlineServices&offset=1');
  });
});

describe('catalog cache', () => {
  const sku = { id: '0001', productId: 'P1', title: 'Basic' };
  const availability = { id: 'A1', productId: 'P1', skuId: '0001', catalogItemId: 'P1:0001:A1' };
  const answer: Script = (call) => {
    if (call.url.includes('availabilities/')) return { body: availability };
    return { body: collection([call.url.endsWith('availabilities') ? availability : sku]) };
  };

  it('reuses catalog lists within the TTL, per locale, and reads them again after it', async () => {
    const { client, clock, calls } = await clientFor(answer, { catalogCacheTtlMs: 60_000 });
    await client.listSkus(ctx, 'c', 'P1');
    const copy = await client.listSkus(ctx, 'c', 'P1');
    expect(calls).toHaveLength(1);
    copy.pop();
    await expect(client.listSkus(ctx, 'c', 'P1')).resolves.toHaveLength(1);
    await client.listSkus({ ...ctx, locale: 'pl-PL' }, 'c', 'P1');
    expect(calls).toHaveLength(2);
    clock.advance(60_000);
    await client.listSkus(ctx, 'c', 'P1');
    expect(calls).toHaveLength(3);
  });

  it('never caches getAvailability, the re-read before checkout', async () => {
    const { client, calls } = await clientFor(answer);
    await client.getAvailability(ctx, 'c', 'P1', '0001', 'A1');
    await client.getAvailability(ctx, 'c', 'P1', '0001', 'A1');
    expect(calls).toHaveLength(2);
  });

  it('sends one availability re-read for lines of one flow that share it, one per flow otherwise', async () => {
    const { client, calls } = await clientFor(answer);
    const otherFlow = { ...ctx, correlationId: 'another-flow' };
    const reads = await Promise.all([
      client.getAvailability(ctx, 'c', 'P1', '0001', 'A1'),
      client.getAvailability(ctx, 'c', 'P1', '0001', 'A1'),
      client.getAvailability(otherFlow, 'c', 'P1', '0001', 'A1'),
    ]);
    expect(calls).toHaveLength(2);
    expect(reads.map((a) => a.id)).toEqual(['A1', 'A1', 'A1']);
    expect(reads[0]).not.toBe(reads[1]);
  });

  it('forgets a failed read', async () => {
    const { client, calls } = await clientFor((_call, index) =>
      index === 0 ? { status: 404, body: { code: 400013, description: "Product wasn't found" } } : { body: collection([sku]) },
    );
    await expect(client.listSkus(ctx, 'c', 'P1')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(client.listSkus(ctx, 'c', 'P1')).resolves.toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('shares one call between concurrent identical reads', async () => {
    const { client, calls } = await clientFor(answer);
    await Promise.all([client.listAvailabilities(ctx, 'c', 'P1', '0001'), client.listAvailabilities(ctx, 'c', 'P1', '0001')]);
    expect(calls).toHaveLength(1);
  });
  it("reuses a customer's record for a minute, whatever the letter case of the id, and never their subscriptions or co-term dates", async () => {
    const subscription = { id: 'S1', offerId: 'O1', quantity: 1, status: 'active' };
    const { client, clock, calls } = await clientFor((call) => {
      if (call.url.includes('customTermEndDates')) return { body: collection([]) };
      if (call.url.endsWith('/subscriptions')) return { body: collection([subscription]) };
      return { body: customer('C-1') };
    });
    const reads = async () => {
      await client.getCustomer(ctx, 'C-1');
      await client.listSubscriptions(ctx, 'C-1');
      await client.listCustomTermEndDates(ctx, 'c-1', 'P1Y');
      await client.listSubscriptions(ctx, 'c-1');
    };
    // Co-term dates change when one of the customer's orders is provisioned: the cards' reader reuses
    // them and forgets them then (shown-subscriptions.ts), which a cache here could not.
    const customerReads = () => calls.filter((call) => /\/customers\/C-1$/i.test(call.url)).length;
    const cotermReads = () => calls.filter((call) => call.url.includes('customTermEndDates')).length;
    const subscriptionReads = () => calls.filter((call) => call.url.endsWith('/subscriptions')).length;
    await reads();
    await reads();
    expect(customerReads()).toBe(1);
    clock.advance(59_999);
    await reads();
    expect(customerReads()).toBe(1);
    clock.advance(1);
    await reads();
    expect(customerReads()).toBe(2);
    expect(cotermReads()).toBe(4);
    expect(subscriptionReads()).toBe(8);
  });
});
