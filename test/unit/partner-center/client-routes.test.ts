import { noToken } from '../../../src/partner-center/auth';
import { createPartnerCenterClient, createPartnerCenterReader, readerOnly } from '../../../src/partner-center/client';
import type { PartnerCenterClient } from '../../../src/partner-center/operations';
import { fakeRuntime, jsonBody, startScriptedServer, testContext as ctx, type ReceivedCall, type ScriptedServer } from './scripted-server';

/** Loose schemas keep unknown keys, so one body satisfies every resource schema and, with `items`, every collection. */
const universalBody = {
  id: 'x', productId: 'p', skuId: 's', title: 't', catalogItemId: 'p:s:a', name: 'n', offerId: 'o', quantity: 1,
  status: 'active', lineItems: [], orders: [], items: [], attributes: { etag: '"e-1"' },
};

let server: ScriptedServer;
let client: PartnerCenterClient;
beforeAll(async () => {
  server = await startScriptedServer(() => ({ body: universalBody }));
  client = createPartnerCenterClient({ baseUrl: `${server.baseUrl}/`, tokenProvider: noToken, runtime: fakeRuntime().runtime, catalogCacheTtlMs: 0 });
});
afterAll(() => server.close());

interface DecodedCall extends Omit<ReceivedCall, 'body'> {
  body: unknown;
}

async function lastCallOf(run: () => Promise<unknown>): Promise<DecodedCall> {
  const before = server.calls.length;
  await run();
  expect(server.calls.length).toBe(before + 1);
  const call = server.calls[before] as ReceivedCall;
  return { ...call, url: decodeURIComponent(call.url), body: jsonBody(call) };
}

const cart = { lineItems: [{ id: 0, catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971', quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' }] };
const subscription = { id: 's-1', offerId: 'P:S:A', quantity: 7, status: 'active', attributes: { etag: '"e-1"', objectType: 'Subscription' } };
const order = { referenceCustomerId: 'c-1', lineItems: [{ lineItemNumber: 0, offerId: 'o-1', quantity: 2, parentSubscriptionId: 's-1' }] };

describe('routes', () => {
  it.each<[string, () => Promise<unknown>, string, string, unknown]>([
    ['getCustomer', () => client.getCustomer(ctx, 'c-1'), 'GET', '/v1/customers/c-1', undefined],
    ['listProducts', () => client.listProducts(ctx, 'c-1', 'OnlineServices'), 'GET', '/v1/customers/c-1/products?targetView=OnlineServices', undefined],
    ['listSkus', () => client.listSkus(ctx, 'c-1', 'P1'), 'GET', '/v1/customers/c-1/products/P1/skus', undefined],
    ['getSku', () => client.getSku(ctx, 'c-1', 'P1', '0001'), 'GET', '/v1/customers/c-1/products/P1/skus/0001', undefined],
    ['listAvailabilities', () => client.listAvailabilities(ctx, 'c-1', 'P1', '0001'), 'GET', '/v1/customers/c-1/products/P1/skus/0001/availabilities', undefined],
    ['getAvailability', () => client.getAvailability(ctx, 'c-1', 'P1', '0001', 'A1'), 'GET', '/v1/customers/c-1/products/P1/skus/0001/availabilities/A1', undefined],
    ['getOffer', () => client.getOffer(ctx, 'OFFER-1', 'US'), 'GET', '/v1/offers/OFFER-1?country=US', undefined],
    ['listOfferAddons', () => client.listOfferAddons(ctx, 'OFFER-1', 'PL'), 'GET', '/v1/offers/OFFER-1/addons?country=PL', undefined],
    ['listSubscriptions', () => client.listSubscriptions(ctx, 'c-1'), 'GET', '/v1/customers/c-1/subscriptions', undefined],
    ['getSubscription', () => client.getSubscription(ctx, 'c-1', 's-1'), 'GET', '/v1/customers/c-1/subscriptions/s-1', undefined],
    ['getSubscriptionForUpdate', () => client.getSubscriptionForUpdate(ctx, 'c-1', 's-1'), 'GET', '/v1/customers/c-1/subscriptions/s-1', undefined],
    ['updateSubscription', () => client.updateSubscription(ctx, 'c-1', subscription, '"e-1"'), 'PATCH', '/v1/customers/c-1/subscriptions/s-1', subscription],
    ['listSubscriptionsByOrder', () => client.listSubscriptionsByOrder(ctx, 'c-1', 'o-1'), 'GET', '/v1/customers/c-1/subscriptions?order_id=o-1', undefined],
    ['listCustomTermEndDates', () => client.listCustomTermEndDates(ctx, 'c-1', 'P1Y'), 'GET', '/v1/customers/c-1/subscriptions/customTermEndDates?term_duration=P1Y', undefined],
    ['getCart', () => client.getCart(ctx, 'c-1', 'k-1'), 'GET', '/v1/customers/c-1/carts/k-1', undefined],
    ['getOrder', () => client.getOrder(ctx, 'c-1', 'o-1'), 'GET', '/v1/customers/c-1/orders/o-1', undefined],
    ['listOrders', () => client.listOrders(ctx, 'c-1'), 'GET', '/v1/customers/c-1/orders', undefined],
    ['getOrderProvisioningStatus', () => client.getOrderProvisioningStatus(ctx, 'c-1', 'o-1'), 'GET', '/v1/customers/c-1/orders/o-1/provisioningstatus', undefined],
    ['createCart', () => client.createCart(ctx, 'c-1', cart), 'POST', '/v1/customers/c-1/carts', cart],
    ['updateCart', () => client.updateCart(ctx, 'c-1', 'k-1', cart), 'PUT', '/v1/customers/c-1/carts/k-1', cart],
    ['checkoutCart', () => client.checkoutCart(ctx, 'c-1', 'k-1'), 'POST', '/v1/customers/c-1/carts/k-1/checkout', undefined],
    ['createOrder', () => client.createOrder(ctx, 'c-1', order), 'POST', '/v1/customers/c-1/orders', order],
    ['addAddOnToOrder', () => client.addAddOnToOrder(ctx, 'c-1', 'o-1', order), 'PATCH', '/v1/customers/c-1/orders/o-1', order],
  ])('%s → %s %s', async (_name, run, method, url, body) => {
    const call = await lastCallOf(run);
    expect({ method: call.method, url: call.url, body: call.body }).toEqual({ method, url, body });
  });

  it('checks out with no body at all', async () => {
    const call = await lastCallOf(() => client.checkoutCart(ctx, 'c-1', 'k-1'));
    expect(call.headers['content-length']).toBe('0');
    expect(call.headers['content-type']).toBeUndefined();
  });

  it('sends the etag a subscription was read with as If-Match', async () => {
    const call = await lastCallOf(() => client.updateSubscription(ctx, 'c-1', subscription, '"e-1"'));
    expect(call.headers['if-match']).toBe('"e-1"');
  });

  it('encodes ids so they cannot change the route', async () => {
    const call = await lastCallOf(() => client.getCustomer(ctx, '../orders?x=1'));
    expect(server.calls.at(-1)?.url).toBe('/v1/customers/..%2Forders%3Fx%3D1');
    expect(call.method).toBe('GET');
  });
});

describe('reader only (docs/architecture.md, rule 9)', () => {
  const mutating = ['createCart', 'updateCart', 'checkoutCart', 'createOrder', 'addAddOnToOrder', 'updateSubscription'];

  it('createPartnerCenterReader has no mutating method at runtime', () => {
    const reader = createPartnerCenterReader({ baseUrl: server.baseUrl, tokenProvider: noToken });
    for (const name of mutating) expect(name in reader).toBe(false);
    expect(Object.keys(reader)).toHaveLength(18);
    expect(Object.isFrozen(reader)).toBe(true);
  });

  it('readerOnly strips the writes from an existing client', async () => {
    const reader = readerOnly(client);
    for (const name of mutating) expect((reader as unknown as Record<string, unknown>)[name]).toBeUndefined();
    await expect(reader.getCustomer(ctx, 'c-1')).resolves.toMatchObject({ id: 'x' });
  });
});
