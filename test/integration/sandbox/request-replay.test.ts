import { asRecord, E5, itemsOf, nceLine, openSandbox, type SandboxClient } from './sandbox-client';
import { CONTOSO_ID, NORTHWIND_ID } from '../../../src/sandbox/data/seed-ids';

let client: SandboxClient;

beforeAll(async () => {
  client = await openSandbox({ now: () => new Date('2026-04-01T00:00:00Z') });
});
afterAll(() => client.sandbox.close());
afterEach(() => client.sandbox.knobs.reset());

const cart = { lineItems: [nceLine(E5)] };
const withId = (id: string) => ({ 'MS-RequestId': id });

describe('MS-RequestId replay', () => {
  it('answers a repeated POST with the stored status and body, without acting again', async () => {
    const first = await client.post(`/v1/customers/${CONTOSO_ID}/carts`, cart, withId('11111111-0000-4000-8000-000000000001'));
    const again = await client.post(`/v1/customers/${CONTOSO_ID}/carts`, { ...cart }, withId('11111111-0000-4000-8000-000000000001'));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });

  it('treats key order and whitespace as the same body', async () => {
    const id = withId('11111111-0000-4000-8000-000000000002');
    const first = await client.post(`/v1/customers/${CONTOSO_ID}/carts`, '{"lineItems":[{"quantity":1,"catalogItemId":"' + E5 + '","billingCycle":"monthly","termDuration":"P1Y"}]}', id);
    const again = await client.post(`/v1/customers/${CONTOSO_ID}/carts`, cart, id);
    expect(asRecord(again.body)['id']).toBe(asRecord(first.body)['id']);
  });

  it('answers 409 when the same id comes back with a different body', async () => {
    const id = withId('11111111-0000-4000-8000-000000000003');
    expect((await client.post(`/v1/customers/${CONTOSO_ID}/carts`, cart, id)).status).toBe(201);
    const conflict = await client.post(`/v1/customers/${CONTOSO_ID}/carts`, { lineItems: [nceLine(E5, { quantity: 2 })] }, id);
    expect(conflict.status).toBe(409);
    expect(asRecord(conflict.body)).toMatchObject({ code: 0, source: 'PartnerFD' });
  });

  it('keys on method and path: the same id on another customer is a new request', async () => {
    const id = withId('11111111-0000-4000-8000-000000000004');
    const first = await client.post(`/v1/customers/${CONTOSO_ID}/carts`, cart, id);
    const other = await client.post(`/v1/customers/${NORTHWIND_ID}/carts`, cart, id);
    expect(asRecord(other.body)['id']).not.toBe(asRecord(first.body)['id']);
  });

  it('makes a retry that overlaps a slow first attempt wait for it instead of buying twice', async () => {
    client.sandbox.knobs.set({ latency: { ms: 80, pathPattern: '/orders$' } });
    const id = withId('11111111-0000-4000-8000-000000000005');
    const body = { lineItems: [{ lineItemNumber: 0, offerId: E5, quantity: 1, termDuration: 'P1Y' }] };
    const before = Number(asRecord((await client.get(`/v1/customers/${NORTHWIND_ID}/orders`)).body)['totalCount']);
    const [first, retry] = await Promise.all([
      client.post(`/v1/customers/${NORTHWIND_ID}/orders`, body, id),
      client.post(`/v1/customers/${NORTHWIND_ID}/orders`, body, id),
    ]);
    expect(retry.body).toEqual(first.body);
    const after = itemsOf((await client.get(`/v1/customers/${NORTHWIND_ID}/orders`)).body);
    expect(after).toHaveLength(before + 1);
  });

  it('does not store transport faults: a retry after a 429 runs the request', async () => {
    client.sandbox.knobs.set({ throttle: { count: 1, retryAfterSeconds: 3 } });
    const id = withId('11111111-0000-4000-8000-000000000006');
    expect((await client.post(`/v1/customers/${CONTOSO_ID}/carts`, cart, id)).status).toBe(429);
    expect((await client.post(`/v1/customers/${CONTOSO_ID}/carts`, cart, id)).status).toBe(201);
  });

  it('never replays GETs', async () => {
    const id = withId('11111111-0000-4000-8000-000000000007');
    const created = asRecord((await client.post(`/v1/customers/${CONTOSO_ID}/carts`, cart)).body);
    const path = `/v1/customers/${CONTOSO_ID}/carts/${String(created['id'])}`;
    await client.get(path, id);
    await client.call('PUT', path, { lineItems: [nceLine(E5, { quantity: 9 })] });
    expect(itemsOf((await client.get(path, id)).body)[0]?.['quantity']).toBe(9);
  });
});
