import { performance } from 'node:perf_hooks';
import { cartCheckoutResultSchema } from '../../../src/partner-center/schemas';
import { asRecord, attestedCart, E5, fixture, ManualClock, nceLine, openSandbox, type SandboxClient } from './sandbox-client';
import { CONTOSO_ID, FABRIKAM_ID } from '../../../src/sandbox/data/seed-ids';

const DAY_MS = 24 * 60 * 60 * 1000;
const clock = new ManualClock(new Date('2026-09-01T00:00:00Z'));
let client: SandboxClient;

beforeAll(async () => {
  client = await openSandbox({ now: clock.now });
});
afterAll(() => client.sandbox.close());
afterEach(() => client.sandbox.knobs.reset());

async function cartPath(customerId: string, body: unknown = attestedCart([nceLine(E5)])): Promise<string> {
  const created = await client.post(`/v1/customers/${customerId}/carts`, body);
  return `/v1/customers/${customerId}/carts/${String(asRecord(created.body)['id'])}`;
}

describe('transport knobs', () => {
  it('latency delays matching requests', async () => {
    client.sandbox.knobs.set({ latency: { ms: 120, pathPattern: '^/v1/customers$' } });
    const started = performance.now();
    expect((await client.get('/v1/customers')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('throttle answers the next N matching requests with 429, its own body and Retry-After', async () => {
    client.sandbox.knobs.set({ throttle: { count: 2, retryAfterSeconds: 7, pathPattern: '/carts$' } });
    expect((await client.get(`/v1/customers/${CONTOSO_ID}`)).status).toBe(200);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const throttled = await client.post(`/v1/customers/${CONTOSO_ID}/carts`, { lineItems: [nceLine(E5)] });
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('7');
      expect(throttled.body).toEqual({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 7 seconds.' });
    }
    expect((await client.post(`/v1/customers/${CONTOSO_ID}/carts`, { lineItems: [nceLine(E5)] })).status).toBe(201);
  });

  it('serverErrors answers the next N with 500/503 and the standard body', async () => {
    client.sandbox.knobs.set({ serverErrors: { count: 1 } });
    const first = await client.get('/v1/customers');
    expect([first.status, asRecord(first.body)['code']]).toEqual([500, 800003]);
    client.sandbox.knobs.set({ serverErrors: { count: 1, status: 503 } });
    const second = await client.get('/v1/customers');
    expect([second.status, asRecord(second.body)['code']]).toEqual([503, 900192]);
    expect((await client.get('/v1/customers')).status).toBe(200);
  });

  it('dropConnections destroys the next N sockets without answering, and records status 0', async () => {
    client.sandbox.knobs.set({ dropConnections: { count: 1, pathPattern: '/customers/' } });
    await expect(client.get(`/v1/customers/${CONTOSO_ID}`)).rejects.toThrow();
    expect(client.sandbox.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v1/customers/${CONTOSO_ID}`, status: 0 });
    expect((await client.get(`/v1/customers/${CONTOSO_ID}`)).status).toBe(200);
  });
});

describe('business knobs', () => {
  it('hold keeps the next matching request at the door, unhandled, until POST /_sandbox/release', async () => {
    const cartsPosted = () => client.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/carts')).length;
    const before = cartsPosted();
    client.sandbox.knobs.set({ hold: { count: 1, method: 'POST', pathPattern: '/carts$' } });
    const arrived = client.post('/_sandbox/arrivals', { method: 'POST', pathPattern: '/carts$', nth: before + 1 });
    const held = client.post(`/v1/customers/${FABRIKAM_ID}/carts`, attestedCart([nceLine(E5)]));
    await arrived;
    // Meanwhile other requests, and other methods on the same path, go through.
    expect((await client.get(`/v1/customers/${FABRIKAM_ID}`)).status).toBe(200);
    expect(cartsPosted()).toBe(before);
    expect(asRecord((await client.post('/_sandbox/release')).body)).toEqual({ released: 1 });
    expect((await held).status).toBe(201);
    expect((await client.post(`/v1/customers/${FABRIKAM_ID}/carts`, attestedCart([nceLine(E5)]))).status).toBe(201);
    expect(asRecord((await client.post('/_sandbox/release')).body)).toEqual({ released: 0 });
  });

  it('businessFault fails the next checkout (MCA 13605, 403); the cart stays Active and can be retried', async () => {
    const path = await cartPath(CONTOSO_ID);
    client.sandbox.knobs.set({ businessFault: { code: 13605, status: 403, on: 'checkout' } });
    const refused = await client.post(`${path}/checkout`);
    expect(refused.status).toBe(403);
    expect(asRecord(refused.body)).toMatchObject({ code: 13605, description: expect.stringContaining('Microsoft Customer Agreement'), source: 'PartnerFD' });
    expect(asRecord((await client.get(path)).body)['status']).toBe('Active');
    expect((await client.post(`${path}/checkout`)).status).toBe(201);
  });

  it.each([
    [900121, 403],
    [800069, 403],
    [800060, 409],
  ])('businessFault %i/%i fails the next order creation', async (code, status) => {
    client.sandbox.knobs.set({ businessFault: { code, status, on: 'order' } });
    const order = { lineItems: [{ lineItemNumber: 0, offerId: E5, quantity: 1, termDuration: 'P1Y' }] };
    const refused = await client.post(`/v1/customers/${CONTOSO_ID}/orders`, order);
    expect([refused.status, asRecord(refused.body)['code']]).toEqual([status, code]);
    expect((await client.post(`/v1/customers/${CONTOSO_ID}/orders`, order)).status).toBe(201);
  });

  it('partialSuccess moves the named order group into orderErrors', async () => {
    const path = await cartPath(FABRIKAM_ID, { ...asRecord(fixture('003-create-cart-mixed.request.json')), partnerOnRecordAttestationAccepted: true });
    client.sandbox.knobs.set({ partialSuccess: { orderGroup: '1', code: 800005 } });
    const checkout = await client.post(`${path}/checkout`);
    expect(checkout.status).toBe(201);
    const result = cartCheckoutResultSchema.parse(checkout.body);
    expect(result.orders).toHaveLength(3);
    expect(result.orderErrors).toEqual([{ orderGroupId: '1', code: 800005, description: "Create order isn't successful" }]);
  });
});

describe('controls over HTTP for a standalone sandbox', () => {
  it('POST /_sandbox/knobs sets knobs, GET shows them, DELETE resets them; bad input is 400', async () => {
    const set = await client.post('/_sandbox/knobs', { throttle: { count: 1, retryAfterSeconds: 2 } });
    expect(set.status).toBe(200);
    expect(asRecord(set.body)['throttle']).toEqual({ count: 1, retryAfterSeconds: 2 });
    expect((await client.get('/v1/customers')).status).toBe(429);
    await client.post('/_sandbox/knobs', { serverErrors: { count: 5 } });
    expect((await client.call('DELETE', '/_sandbox/knobs')).body).toEqual({});
    expect((await client.get('/v1/customers')).status).toBe(200);
    expect((await client.post('/_sandbox/knobs', { throttle: { count: -1 } })).status).toBe(400);
    expect((await client.post('/_sandbox/knobs', { teleport: true })).status).toBe(400);
  });

  it('POST /_sandbox/clock moves time forward (carts expire)', async () => {
    const path = await cartPath(CONTOSO_ID);
    const moved = await client.post('/_sandbox/clock', { advanceMs: 8 * DAY_MS });
    expect(asRecord(moved.body)['now']).toBe(new Date(clock.now().getTime() + 8 * DAY_MS).toISOString());
    expect((await client.get(path)).status).toBe(404);
  });

  it('records every /v1 request (not the controls) with query, lower-case headers, body and status', async () => {
    client.sandbox.requests.length = 0;
    await client.post(`/v1/customers/${CONTOSO_ID}/carts?probe=1`, { LineItems: [] }, { 'MS-CorrelationId': 'corr-1' });
    await client.get('/_sandbox/knobs');
    expect(client.sandbox.requests).toEqual([{
      method: 'POST', path: `/v1/customers/${CONTOSO_ID}/carts`, query: { probe: '1' },
      headers: expect.objectContaining({ 'ms-correlationid': 'corr-1' }), body: { LineItems: [] }, status: 400,
    }]);
  });
});
