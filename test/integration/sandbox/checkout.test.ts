import { cartCheckoutResultSchema } from '../../../src/partner-center/schemas';
import { asRecord, attestedCart, BUSINESS_BASIC, E5, fixture, ManualClock, nceLine, openSandbox, WINDOWS_365, type SandboxClient } from './sandbox-client';
import { CONTOSO_ID, FABRIKAM_ID } from '../../../src/sandbox/data/seed-ids';

const DAY_MS = 24 * 60 * 60 * 1000;
const clock = new ManualClock(new Date('2026-05-04T12:00:00Z'));
let client: SandboxClient;

beforeAll(async () => {
  client = await openSandbox({ now: clock.now });
});
afterAll(() => client.sandbox.close());
afterEach(() => client.sandbox.knobs.reset());

async function cartPath(customerId: string, body: unknown): Promise<string> {
  const created = await client.post(`/v1/customers/${customerId}/carts`, body);
  expect(created.status).toBe(201);
  return `/v1/customers/${customerId}/carts/${String(asRecord(created.body)['id'])}`;
}

async function orderCount(customerId: string): Promise<number> {
  return Number(asRecord((await client.get(`/v1/customers/${customerId}/orders`)).body)['totalCount']);
}

describe('checkout', () => {
  it('makes one pending order per order group and marks the cart Ordered', async () => {
    const path = await cartPath(FABRIKAM_ID, { ...asRecord(fixture('003-create-cart-mixed.request.json')), partnerOnRecordAttestationAccepted: true });
    const checkout = await client.post(`${path}/checkout`);
    expect(checkout.status).toBe(201);
    const result = cartCheckoutResultSchema.parse(checkout.body);
    expect(result.attributes?.objectType).toBe('CartCheckoutResult');
    const orders = result.orders ?? [];
    expect(orders.map((order) => order.lineItems.map((line) => line.offerId))).toEqual([
      ['MS-AZR-0145P'],
      ['DZH318Z0BQ36:004G:DZH318Z08C0S', 'DZH318Z0BQ36:004J:DZH318Z08B8X', 'DG7GMGF0DWTL:0001:DG7GMGF0DSFM'],
      ['DZH318Z0BXWC:0002:DZH318Z0BMRV'],
      ['DZH318Z0C0WF:0001:DZH318Z0BP69'],
    ]);
    for (const order of orders) {
      expect(order).toMatchObject({ status: 'pending', transactionType: 'UserPurchase', referenceCustomerId: FABRIKAM_ID, currencyCode: 'USD' });
      // New-commerce platform ids are 12 hex; an order of only legacy offers (MS-AZR-0145P) gets a GUID.
      const legacyOnly = order.lineItems.every((line) => !line.offerId.includes(':'));
      expect(order.id).toMatch(legacyOnly ? /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/ : /^[0-9a-f]{12}$/);
      expect(order.alternateId).toBe(order.id);
      expect(order.links?.['self']?.uri).toBe(`/customers/${FABRIKAM_ID}/orders/${String(order.id)}`);
      expect(order.links?.['provisioningStatus']?.uri).toBe(`/customers/${FABRIKAM_ID}/orders/${String(order.id)}/provisioningstatus`);
      expect(order.links?.['patchOperation']?.method).toBe('PATCH');
      expect(order.lineItems.map((line) => line.lineItemNumber)).toEqual(order.lineItems.map((_, index) => index));
      expect(order.lineItems.every((line) => !line.subscriptionId && line.friendlyName && line.pricing)).toBe(true);
    }
    expect(orders[3]?.billingCycle).toBe('none');
    expect(orders[3]?.lineItems[0]?.renewsTo).toEqual({ termDuration: 'P1Y' });
    expect(asRecord((await client.get(path)).body)['status']).toBe('Ordered');
  });

  it('is idempotent: checking out an Ordered cart answers 201 with the stored result and orders nothing new', async () => {
    const path = await cartPath(CONTOSO_ID, attestedCart([nceLine(E5, { quantity: 3 })]));
    const first = await client.post(`${path}/checkout`, '"success"');
    expect(first.status).toBe(201);
    const before = await orderCount(CONTOSO_ID);
    const again = await client.post(`${path}/checkout`);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await orderCount(CONTOSO_ID)).toBe(before);
  });

  it('refuses a cart with errored lines (400 800009) and orders nothing', async () => {
    const path = await cartPath(CONTOSO_ID, attestedCart([nceLine(E5), nceLine(BUSINESS_BASIC, { quantity: 1000 })]));
    const before = await orderCount(CONTOSO_ID);
    const checkout = await client.post(`${path}/checkout`);
    expect(checkout.status).toBe(400);
    expect(checkout.body).toEqual({ code: 800009, description: 'Error in Cart item(s)', data: [], source: 'PartnerFD' });
    expect(await orderCount(CONTOSO_ID)).toBe(before);
    expect(asRecord((await client.get(path)).body)['status']).toBe('Active');
  });

  it('answers 409 800064 to a second checkout while the first is still running', async () => {
    const path = await cartPath(CONTOSO_ID, attestedCart([nceLine(BUSINESS_BASIC)]));
    client.sandbox.knobs.set({ latency: { ms: 150, pathPattern: '/checkout$' } });
    const [first, second] = await Promise.all([client.post(`${path}/checkout`), client.post(`${path}/checkout`)]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const loser = first.status === 409 ? first : second;
    expect(asRecord(loser.body)).toMatchObject({ code: 800064, description: expect.stringContaining('is being processed by another request') });
    client.sandbox.knobs.reset();
    const third = await client.post(`${path}/checkout`);
    expect(third.body).toEqual((first.status === 201 ? first : second).body);
  });

  it('rejects a body other than nothing or the string "success"', async () => {
    const path = await cartPath(CONTOSO_ID, attestedCart([nceLine(BUSINESS_BASIC)]));
    expect((await client.post(`${path}/checkout`, { please: true })).status).toBe(400);
  });
});

describe('attestation at checkout', () => {
  it('400 900203 when a SKU enforces attestation and the line did not accept it', async () => {
    const path = await cartPath(CONTOSO_ID, attestedCart([nceLine(WINDOWS_365)]));
    const checkout = await client.post(`${path}/checkout`);
    expect(checkout.status).toBe(400);
    expect(checkout.body).toEqual({
      code: 900203, description: `CatalogItemId: ${WINDOWS_365} requires attestation acceptance.`, data: [], source: 'PartnerFD',
    });
    const accepted = await cartPath(CONTOSO_ID, attestedCart([nceLine(WINDOWS_365, { attestationAccepted: true })]));
    expect((await client.post(`${accepted}/checkout`)).status).toBe(201);
  });

  it('400 900206 without partnerOnRecordAttestationAccepted, for indirect and direct carts alike', async () => {
    const participants = [{ key: 'transaction_reseller', value: '5357564' }];
    const indirect = await cartPath(CONTOSO_ID, { lineItems: [nceLine(E5, { participants })] });
    const refused = await client.post(`${indirect}/checkout`);
    expect(refused.status).toBe(400);
    expect(asRecord(refused.body)).toMatchObject({ code: 900206, description: 'Partner Attestation is missing' });
    const attested = await cartPath(CONTOSO_ID, { partnerOnRecordAttestationAccepted: true, lineItems: [nceLine(E5, { participants })] });
    expect((await client.post(`${attested}/checkout`)).status).toBe(201);
    const direct = await cartPath(CONTOSO_ID, { lineItems: [nceLine(E5)] });
    const directRefused = await client.post(`${direct}/checkout`);
    expect(directRefused.status).toBe(400);
    expect(asRecord(directRefused.body)).toMatchObject({ code: 900206, description: 'Partner Attestation is missing' });
    expect((await client.call('PUT', direct, attestedCart([nceLine(E5)]))).status).toBe(200);
    expect((await client.post(`${direct}/checkout`)).status).toBe(201);
  });
});

describe('cart expiry (7 days from creation)', () => {
  it('answers 404 800008 to GET, PUT and checkout once the clock passes expirationTimestamp', async () => {
    const own = new ManualClock(new Date('2026-06-01T08:00:00Z'));
    const local = await openSandbox({ now: own.now });
    try {
      const created = asRecord((await local.post(`/v1/customers/${CONTOSO_ID}/carts`, attestedCart([nceLine(E5)]))).body);
      const path = `/v1/customers/${CONTOSO_ID}/carts/${String(created['id'])}`;
      own.advance(7 * DAY_MS);
      expect((await local.get(path)).status).toBe(200);
      own.advance(1);
      for (const response of [
        await local.get(path),
        await local.call('PUT', path, { lineItems: [nceLine(E5)] }),
        await local.post(`${path}/checkout`),
      ]) {
        expect(response.status).toBe(404);
        expect(asRecord(response.body)['code']).toBe(800008);
      }
    } finally {
      await local.sandbox.close();
    }
  });
});
