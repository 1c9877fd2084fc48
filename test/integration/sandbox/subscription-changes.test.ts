import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox } from '../../../src/sandbox';
import { cartCheckoutResultSchema, subscriptionSchema } from '../../../src/partner-center/schemas';
import {
  asRecord, attestedCart, BUSINESS_BASIC, E5, itemsOf, NCE_ADDON, nceLine, openSandbox, SandboxClient,
} from './sandbox-client';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID as CONTOSO, NORTHWIND_ID as NORTHWIND } from '../../../src/sandbox/data/seed-ids';

const STARTED_AT = new Date('2026-12-01T09:00:00Z');
const HOUR_MS = 60 * 60 * 1000;
const CONTOSO_E5 = CONTOSO_E5_SUBSCRIPTION_ID;
const CONTOSO_E3 = '10704f2f-3fc6-4e42-8acf-08df4f81c93c';

const subscriptionPath = (customerId: string, subscriptionId: string) => `/v1/customers/${customerId}/subscriptions/${subscriptionId}`;

async function read(client: SandboxClient, customerId: string, subscriptionId: string) {
  const answer = await client.get(subscriptionPath(customerId, subscriptionId));
  expect(answer.status).toBe(200);
  return subscriptionSchema.parse(answer.body);
}

/** What a client does: send back the whole subscription as read, with If-Match its etag. */
async function patch(client: SandboxClient, customerId: string, subscriptionId: string, change: Record<string, unknown>, headers: Record<string, string> = {}) {
  const current = asRecord((await client.get(subscriptionPath(customerId, subscriptionId))).body);
  const etag = String(asRecord(current['attributes'])['etag']);
  return client.call('PATCH', subscriptionPath(customerId, subscriptionId), { ...current, ...change }, { 'If-Match': etag, ...headers });
}

const moveClock = (client: SandboxClient, advanceMs: number) => client.post('/_sandbox/clock', { advanceMs });

async function buy(client: SandboxClient, customerId: string, line: Record<string, unknown>) {
  const cart = asRecord((await client.post(`/v1/customers/${customerId}/carts`, attestedCart([line]))).body);
  const checkout = cartCheckoutResultSchema.parse((await client.post(`/v1/customers/${customerId}/carts/${String(cart['id'])}/checkout`)).body);
  return String(checkout.orders?.[0]?.lineItems[0]?.subscriptionId);
}

describe('PATCH a subscription in the sandbox', () => {
  let client: SandboxClient;
  beforeEach(async () => {
    client = await openSandbox({ now: () => STARTED_AT, provisioningDelayMs: 0 });
  });
  afterEach(() => client.sandbox.close());

  it("seeds Contoso's E5 with 10 seats past their window and 5 added two days ago that can still be reduced", async () => {
    const e5 = await read(client, CONTOSO, CONTOSO_E5);
    expect(e5).toMatchObject({
      quantity: 15,
      refundableQuantity: { totalQuantity: 5, details: [{ quantity: 5, allowedUntilDateTime: new Date(STARTED_AT.getTime() + 120 * HOUR_MS).toISOString() }] },
    });
    expect(e5.attributes?.etag).toMatch(/^".+"$/);
  });

  it('refuses to reduce below the seats still inside their window, and changes nothing', async () => {
    const before = await read(client, CONTOSO, CONTOSO_E5);
    const refused = await patch(client, CONTOSO, CONTOSO_E5, { quantity: 9 });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 900214, description: expect.stringContaining('168-hour window for reducing seats') });
    expect(await read(client, CONTOSO, CONTOSO_E5)).toEqual(before);
  });

  it('reduces by the refundable seats, answers a stale If-Match with 412, and adds a batch with its own window on an increase', async () => {
    const stale = String((await read(client, CONTOSO, CONTOSO_E5)).attributes?.etag);
    const reduced = await patch(client, CONTOSO, CONTOSO_E5, { quantity: 10 });
    expect(reduced.status).toBe(200);
    expect(reduced.body).toMatchObject({ quantity: 10, refundableQuantity: { totalQuantity: 0, details: [] } });
    expect(asRecord(asRecord(reduced.body)['attributes'])['etag']).not.toBe(stale);

    const conflict = await client.call('PATCH', subscriptionPath(CONTOSO, CONTOSO_E5), { quantity: 12 }, { 'If-Match': stale });
    expect(conflict.status).toBe(412);
    expect((await read(client, CONTOSO, CONTOSO_E5)).quantity).toBe(10);

    const increased = await patch(client, CONTOSO, CONTOSO_E5, { quantity: 14 });
    const until = new Date(STARTED_AT.getTime() + 168 * HOUR_MS).toISOString();
    expect(increased.body).toMatchObject({ quantity: 14, refundableQuantity: { totalQuantity: 4, details: [{ quantity: 4, allowedUntilDateTime: until }] } });
  });

  it('lets the added seats go back up to the last instant of their window and not a millisecond later', async () => {
    await patch(client, CONTOSO, CONTOSO_E5, { quantity: 20 });
    const lastInstant = 168 * HOUR_MS;
    await moveClock(client, lastInstant);
    expect((await patch(client, CONTOSO, CONTOSO_E5, { quantity: 19 })).body).toMatchObject({ quantity: 19, refundableQuantity: { totalQuantity: 4 } });
    await moveClock(client, 1);
    const late = await patch(client, CONTOSO, CONTOSO_E5, { quantity: 18 });
    expect(late.body).toMatchObject({ code: 900214 });
    expect(await read(client, CONTOSO, CONTOSO_E5)).toMatchObject({ quantity: 19, refundableQuantity: { totalQuantity: 0, details: [] } });
  });

  it('cancels a subscription bought in the same test inside its window, and refuses with 900117 once the window has passed', async () => {
    const bought = await buy(client, NORTHWIND, nceLine(E5, { quantity: 3 }));
    const fresh = await read(client, NORTHWIND, bought);
    expect(fresh).toMatchObject({
      cancellationAllowedUntilDate: new Date(STARTED_AT.getTime() + 168 * HOUR_MS).toISOString(),
      refundableQuantity: { totalQuantity: 3 },
    });
    const cancelled = await patch(client, NORTHWIND, bought, { status: 'deleted' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'deleted', autoRenewEnabled: false, quantity: 3 });

    const kept = await buy(client, NORTHWIND, nceLine(BUSINESS_BASIC, { quantity: 2, termDuration: 'P1M' }));
    await moveClock(client, 168 * HOUR_MS + 1);
    const late = await patch(client, NORTHWIND, kept, { status: 'deleted' });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ code: 900117, description: expect.stringContaining('7-day cancellation window') });
    expect((await read(client, NORTHWIND, kept)).status).toBe('active');
  });

  it('gives a direct order and an NCE add-on the same refundable batch and cancellation window as a cart, from their purchase time', async () => {
    const order = asRecord((await client.post(`/v1/customers/${NORTHWIND}/orders`, {
      partnerOnRecordAttestationAccepted: true, lineItems: [{ lineItemNumber: 0, offerId: E5, quantity: 2, termDuration: 'P1Y' }],
    })).body);
    const [ordered] = itemsOf((await client.get(`/v1/customers/${NORTHWIND}/subscriptions?order_id=${String(order['id'])}`)).body);
    await moveClock(client, HOUR_MS);
    const addOn = await buy(client, NORTHWIND, nceLine(NCE_ADDON, { quantity: 2 }));
    const window = (hours: number, quantity: number) => ({
      cancellationAllowedUntilDate: new Date(STARTED_AT.getTime() + hours * HOUR_MS).toISOString(),
      refundableQuantity: { totalQuantity: quantity, details: [{ quantity, allowedUntilDateTime: new Date(STARTED_AT.getTime() + hours * HOUR_MS).toISOString() }] },
    });
    expect(ordered).toMatchObject(window(168, 2));
    expect(await read(client, NORTHWIND, addOn)).toMatchObject(window(169, 2));
    expect((await patch(client, NORTHWIND, addOn, { status: 'deleted' })).body).toMatchObject({ status: 'deleted' });
  });

  it('turns auto-renew off and schedules fewer seats at renewal when the seats can no longer be reduced', async () => {
    const changed = await patch(client, CONTOSO, CONTOSO_E5, {
      autoRenewEnabled: false,
      scheduledNextTermInstructions: {
        product: { productId: 'CFQ7TTC0LF8S', skuId: '0001', availabilityId: 'CFQ7TTC0VZW5', billingCycle: 'monthly', termDuration: 'P1Y' },
        quantity: 8,
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ quantity: 15, autoRenewEnabled: false, scheduledNextTermInstructions: { quantity: 8, product: { skuId: '0001' } } });
  });

  it('lets a legacy licence change seats at any time but never be deleted', async () => {
    expect((await patch(client, CONTOSO, CONTOSO_E3, { quantity: 20 })).body).toMatchObject({ quantity: 20 });
    const deleted = await patch(client, CONTOSO, CONTOSO_E3, { status: 'deleted' });
    expect(deleted.status).toBe(400);
    expect(deleted.body).toMatchObject({ code: 800002 });
  });

  it('binds keys case-insensitively and refuses a property the resource does not have, or a bad quantity', async () => {
    expect((await patch(client, CONTOSO, CONTOSO_E5, { Quantity: 16, quantity: undefined })).body).toMatchObject({ quantity: 16 });
    expect((await patch(client, CONTOSO, CONTOSO_E5, { seats: 3 })).body).toMatchObject({ code: 800002, description: expect.stringContaining('seats') });
    expect((await patch(client, CONTOSO, CONTOSO_E5, { status: 'gone' })).body).toMatchObject({ code: 900126 });
    expect((await patch(client, CONTOSO, CONTOSO_E5, { quantity: 0 })).body).toMatchObject({ code: 900275 });
  });

  it('fails the next subscription PATCH with the business fault a test sets, and changes nothing', async () => {
    client.sandbox.knobs.set({ businessFault: { code: 900278, status: 409, on: 'subscription' } });
    const refused = await patch(client, CONTOSO, CONTOSO_E5, { quantity: 20 });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 900278, description: expect.stringContaining('pending operation') });
    expect((await patch(client, CONTOSO, CONTOSO_E5, { quantity: 20 })).body).toMatchObject({ quantity: 20 });
  });

  it('answers a repeated MS-RequestId with the first answer and changes the subscription once', async () => {
    const current = asRecord((await client.get(subscriptionPath(CONTOSO, CONTOSO_E5))).body);
    const headers = { 'If-Match': String(asRecord(current['attributes'])['etag']), 'MS-RequestId': 'a7b1c2d3-0000-4000-8000-000000000001' };
    const first = await client.call('PATCH', subscriptionPath(CONTOSO, CONTOSO_E5), { ...current, quantity: 18 }, headers);
    const again = await client.call('PATCH', subscriptionPath(CONTOSO, CONTOSO_E5), { ...current, quantity: 18 }, headers);
    expect(again.body).toEqual(first.body);
    expect(await read(client, CONTOSO, CONTOSO_E5)).toMatchObject({ quantity: 18, refundableQuantity: { totalQuantity: 8 } });
  });
});

describe('a sandbox with a data folder', () => {
  it('keeps the seat batches, the schedule and the etag of a changed subscription across its restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-seats-'));
    try {
      const first = new SandboxClient(await startSandbox({ port: 0, dataDir, now: () => STARTED_AT }));
      await patch(first, CONTOSO, CONTOSO_E5, { quantity: 17, autoRenewEnabled: false });
      const before = await read(first, CONTOSO, CONTOSO_E5);
      await first.sandbox.close();
      const second = new SandboxClient(await startSandbox({ port: 0, dataDir, now: () => STARTED_AT, credentials: first.sandbox.credentials }));
      try {
        expect(await read(second, CONTOSO, CONTOSO_E5)).toEqual(before);
        expect(before).toMatchObject({ quantity: 17, autoRenewEnabled: false, refundableQuantity: { totalQuantity: 7 } });
      } finally {
        await second.sandbox.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
