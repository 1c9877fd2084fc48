import { asRecord, fixture, itemsOf, ManualClock, openSandbox, type SandboxClient } from './sandbox-client';
import { ADATUM_ID, CONTOSO_E3_SUBSCRIPTION_ID, CONTOSO_ID, FABRIKAM_ID, NORTHWIND_ID, TAILSPIN_ID } from '../../../src/sandbox/data/seed-ids';

const DAY_MS = 24 * 60 * 60 * 1000;
// create-a-cart.md's first response was created at this instant; its co-term date must still be ahead.
const clock = new ManualClock(new Date('2021-08-18T17:29:52.351Z'));
let client: SandboxClient;

beforeAll(async () => {
  client = await openSandbox({ now: clock.now });
});
afterAll(() => client.sandbox.close());

/**
 * The answer has every key the seed response has and the same per-line facts. The seed is the judge here:
 * nothing in this file uses the bot's client schemas, so a field renamed on the client side cannot make
 * the sandbox look right.
 */
function expectCartLikeSeed(actual: unknown, seedResponse: unknown, customerId: string): void {
  const cart = asRecord(actual);
  const seed = asRecord(seedResponse);
  expect(Object.keys(cart)).toEqual(expect.arrayContaining(Object.keys(seed)));
  expect(cart['status']).toBe('Active');
  expect(cart['attributes']).toEqual({ objectType: 'Cart' });
  expect(asRecord(asRecord(cart['links'])['self'])).toEqual({ uri: `/customers/${customerId}/carts/${String(cart['id'])}`, method: 'GET', headers: [] });
  const created = Date.parse(String(cart['creationTimestamp']));
  expect(Date.parse(String(cart['expirationTimestamp'])) - created).toBe(7 * DAY_MS);
  const lines = itemsOf(cart);
  const seedLines = itemsOf(seed);
  expect(lines).toHaveLength(seedLines.length);
  seedLines.forEach((seedLine, index) => {
    const line = lines[index] ?? {};
    expect(line['error']).toBeUndefined();
    expect(Object.keys(line)).toEqual(expect.arrayContaining(Object.keys(seedLine)));
    for (const key of ['id', 'quantity', 'currencyCode', 'billingCycle', 'termDuration', 'orderGroup', 'renewsTo', 'participants', 'customTermEndDate']) {
      expect({ line: index, key, value: line[key] }).toEqual({ line: index, key, value: seedLine[key] });
    }
  });
}

describe('create-a-cart.md (seed 003) and its Polish version (seed 004)', () => {
  it('creates the mixed Azure/RI/software/SaaS cart with the documented order groups', async () => {
    const created = await client.post(`/v1/customers/${FABRIKAM_ID}/carts`, fixture('003-create-cart-mixed.request.json'), {
      'MS-RequestId': '4fa6dad6-a89f-4875-8247-8294a10ae1cf',
      'MS-CorrelationId': 'aaaa0000-bb11-2222-33cc-444444dddddd',
      'X-Locale': 'en-US',
    });
    expect(created.status).toBe(201);
    expectCartLikeSeed(created.body, fixture('003-create-cart-mixed.response.json'), FABRIKAM_ID);
    expect(itemsOf(created.body).map((line) => line['orderGroup'])).toEqual(['OMS-0', '0', '0', '0', '1', '2']);
  });

  it('answers with the Partner Center response headers', async () => {
    const created = await client.post(`/v1/customers/${FABRIKAM_ID}/carts`, fixture('004-create-cart-mixed.request.json'), {
      'MS-RequestId': '5e8f1a7c-0000-4000-8000-000000000004',
      'MS-CorrelationId': '0e93c70c-977a-4a88-9580-7cf084c73286',
      'X-Locale': 'en-US',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(created.headers.get('ms-requestid')).toBe('5e8f1a7c-0000-4000-8000-000000000004');
    expect(created.headers.get('ms-correlationid')).toBe('0e93c70c-977a-4a88-9580-7cf084c73286');
    expect(created.headers.get('x-locale')).toBe('en-US,en-US');
    expect(created.headers.get('ms-cv')).toMatch(/^\S+\.0$/);
    expect(created.headers.get('ms-serverid')).toBeTruthy();
    expectCartLikeSeed(created.body, fixture('004-create-cart-mixed.response.json'), FABRIKAM_ID);
  });

  it('creates the indirect-reseller NCE cart with a co-term date and checks it out', async () => {
    const created = await client.post(`/v1/customers/${TAILSPIN_ID}/carts`, fixture('003-create-cart-nce-indirect.request.json'));
    expect(created.status).toBe(201);
    expectCartLikeSeed(created.body, fixture('003-create-cart-nce-indirect.response.json'), TAILSPIN_ID);
    expect(asRecord(created.body)['partnerOnRecordAttestationAccepted']).toBe(true);

    const checkout = await client.post(`/v1/customers/${TAILSPIN_ID}/carts/${String(asRecord(created.body)['id'])}/checkout`);
    expect(checkout.status).toBe(201);
    const orders = itemsOf(checkout.body);
    expect(orders).toHaveLength(1);
    const [coTermed, indirect] = itemsOf(orders[0]);
    expect(coTermed?.['customTermEndDate']).toBe('2022-02-19T00:00:00Z');
    expect(indirect?.['partnerIdOnRecord']).toBe('5357564');
    expect(indirect?.['additionalPartnerIdsOnRecord']).toEqual(['517285', '5357563']);
  });

  it('binds the PascalCase NCE request ("BillingCycle": "Monthly") and answers lower-case', async () => {
    const created = await client.post(`/v1/customers/${NORTHWIND_ID}/carts`, fixture('003-create-cart-nce.request.json'));
    expect(created.status).toBe(201);
    const [line] = itemsOf(created.body);
    expect(line).toMatchObject({ id: 0, catalogItemId: 'CFQ7TTC0LFLZ:0002:CFQ7TTC0K4TS', billingCycle: 'monthly', termDuration: 'P1M', orderGroup: '0' });
    expect(Object.keys(line ?? {}).filter((key) => key !== key.charAt(0).toLowerCase() + key.slice(1))).toEqual([]);
  });

  it('prices the NCE response example exactly (E5 P1Y monthly: 30.4 → extendedPrice 364.8)', async () => {
    const seed = asRecord(fixture('003-create-cart-nce.response.json'));
    const seedLine = itemsOf(seed)[0] ?? {};
    const customerId = ADATUM_ID;
    const request = { lineItems: [{ id: 0, catalogItemId: seedLine['catalogItemId'], quantity: 1, billingCycle: 'monthly', termDuration: 'P1Y' }] };
    const created = await client.post(`/v1/customers/${customerId}/carts`, request);
    expect(created.status).toBe(201);
    expect(itemsOf(created.body)[0]).toEqual(seedLine);
    expectCartLikeSeed(created.body, seed, customerId);
  });
});

describe('New-PartnerCustomerCart examples (seed 000)', () => {
  it('example 1: finds the Azure plan availability through the catalog and buys it with OneTime', async () => {
    const skus = await client.get('/v1/products/DZH318Z0BPS6/skus?country=US');
    const skuId = String(itemsOf(skus.body)[0]?.['id']);
    const availabilities = await client.get(`/v1/products/DZH318Z0BPS6/skus/${skuId}/availabilities?country=US`);
    const catalogItemId = itemsOf(availabilities.body)[0]?.['catalogItemId'];
    const created = await client.post(`/v1/customers/${CONTOSO_ID}/carts`, {
      LineItems: [{ BillingCycle: 'OneTime', CatalogItemId: catalogItemId, Quantity: 1 }],
    });
    expect(created.status).toBe(201);
    expect(itemsOf(created.body)[0]).toMatchObject({ catalogItemId, billingCycle: 'one_time', orderGroup: 'OMS-0' });
    expect(itemsOf(created.body)[0]?.['error']).toBeUndefined();
  });

  it('example 2: one-time software with a provisioning context', async () => {
    const created = await client.post(`/v1/customers/${CONTOSO_ID}/carts`, {
      LineItems: [{
        BillingCycle: 'one_time', CatalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', FriendlyName: 'Sample RI Purchase', Quantity: 10,
        ProvisioningContext: { duration: '1Year', scope: 'shared', subscriptionId: 'D526EF3A-35E6-477F-A64C-906F6177FBFA' },
      }],
    });
    expect(created.status).toBe(201);
    expect(itemsOf(created.body)[0]).toMatchObject({ friendlyName: 'Sample RI Purchase', quantity: 10, orderGroup: '0' });
    expect(itemsOf(created.body)[0]?.['error']).toBeUndefined();
  });
});

describe('New-PartnerCustomerOrder examples (seeds 001, 002)', () => {
  it('example 1: a legacy order, with and without -BillingCycle Monthly', async () => {
    const line = { LineItemNumber: 0, OfferId: '031C9E47-4802-4248-838E-778FB1D2CC05', Quantity: 1 };
    for (const body of [{ LineItems: [line] }, { BillingCycle: 'Monthly', LineItems: [line] }]) {
      const created = await client.post(`/v1/customers/${CONTOSO_ID}/orders`, body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ billingCycle: 'monthly', status: 'pending', referenceCustomerId: CONTOSO_ID });
      expect(itemsOf(created.body)[0]?.['offerId']).toBe('031C9E47-4802-4248-838E-778FB1D2CC05');
    }
  });

  it('example 2: buys Microsoft MyAnalytics for the E3 subscription by PATCHing its order', async () => {
    const subscriptionId = CONTOSO_E3_SUBSCRIPTION_ID;
    const subscription = asRecord((await client.get(`/v1/customers/${CONTOSO_ID}/subscriptions/${subscriptionId}`)).body);
    const addons = await client.get(`/v1/offers/${String(subscription['offerId'])}/addons?country=US`);
    const addOn = itemsOf(addons.body).find((offer) => offer['name'] === 'Microsoft MyAnalytics');
    expect(addOn?.['isAddOn']).toBe(true);

    const patched = await client.call('PATCH', `/v1/customers/${CONTOSO_ID}/orders/${String(subscription['orderId'])}`, {
      LineItems: [{ LineItemNumber: 0, OfferId: addOn?.['id'], Quantity: 1, FriendlyName: addOn?.['name'], ParentSubscriptionId: subscriptionId }],
    });
    expect(patched.status).toBe(200);
    expect(asRecord(patched.body)['id']).toBe(subscription['orderId']);
    const lines = itemsOf(patched.body);
    expect(lines.map((line) => line['subscriptionId'])).toEqual([subscriptionId, expect.any(String)]);
    expect(lines[1]).toMatchObject({ lineItemNumber: 1, parentSubscriptionId: subscriptionId, friendlyName: 'Microsoft MyAnalytics' });

    const owned = await client.get(`/v1/customers/${CONTOSO_ID}/subscriptions/${subscriptionId}/addons`);
    expect(itemsOf(owned.body).map((sub) => sub['id'])).toEqual([lines[1]?.['subscriptionId']]);
  });
});
