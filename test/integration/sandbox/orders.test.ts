import { orderSchema } from '../../../src/partner-center/schemas';
import { asRecord, attestedCart, E5, fixture, itemsOf, ManualClock, nceLine, openSandbox, WINDOWS_365, type SandboxClient } from './sandbox-client';
import { CONTOSO_E3_SUBSCRIPTION_ID, CONTOSO_ID, LITWARE_ID, WOODGROVE_E3_ORDER_ID, WOODGROVE_E3_SUBSCRIPTION_ID, WOODGROVE_ID } from '../../../src/sandbox/data/seed-ids';

const clock = new ManualClock(new Date('2026-02-02T15:00:00Z'));
let client: SandboxClient;

beforeAll(async () => {
  client = await openSandbox({ now: clock.now });
});
afterAll(() => client.sandbox.close());

const legacyLine = { lineItemNumber: 0, offerId: '031C9E47-4802-4248-838E-778FB1D2CC05', quantity: 1 };

async function e3OrderId(): Promise<string> {
  return String(asRecord((await client.get(`/v1/customers/${CONTOSO_ID}/subscriptions/${CONTOSO_E3_SUBSCRIPTION_ID}`)).body)['orderId']);
}

describe('POST /orders', () => {
  it('creates the NCE indirect order from create-an-order.md, defaulting the term like its response (P1M)', async () => {
    const created = await client.post(`/v1/customers/${LITWARE_ID}/orders`, fixture('api-order-create-nce-indirect.request.json'));
    expect(created.status).toBe(201);
    const order = orderSchema.parse(created.body);
    expect(order.id).toMatch(/^[0-9a-f]{12}$/);
    expect(order).toMatchObject({ status: 'pending', transactionType: 'UserPurchase', billingCycle: 'monthly' });
    expect(order.lineItems[0]).toMatchObject({
      offerId: 'CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P', termDuration: 'P1M', partnerIdOnRecord: '873452', additionalPartnerIdsOnRecord: ['4847383', '873452'],
    });
    const listed = itemsOf((await client.get(`/v1/customers/${LITWARE_ID}/orders`)).body);
    expect(listed.map((item) => item['id'])).toContain(order.id);
    expect(orderSchema.parse((await client.get(`/v1/customers/${LITWARE_ID}/orders/${String(order.id)}`)).body).id).toBe(order.id);
  });

  it('refuses a status field with code 0, whatever its value', async () => {
    const response = await client.post(`/v1/customers/${CONTOSO_ID}/orders`, { status: 'none', lineItems: [legacyLine] });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(fixture('api-error-body-order-status.json'));
    const pascal = await client.post(`/v1/customers/${CONTOSO_ID}/orders`, { Status: 'pending', LineItems: [legacyLine] });
    expect(asRecord(pascal.body)).toMatchObject({ code: 0, description: "The provided value 'pending' is not a valid OrderStatus." });
  });

  it('refuses parentSubscriptionId with code 2000 (add-ons go through PATCH)', async () => {
    const response = await client.post(`/v1/customers/${CONTOSO_ID}/orders`, {
      lineItems: [{ ...legacyLine, offerId: '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59', parentSubscriptionId: CONTOSO_E3_SUBSCRIPTION_ID }],
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 2000, description: 'ParentSubscriptionId is not supported for this request.', data: [], source: 'PartnerFD' });
  });

  it('validates line numbers (800071), offers (800004), terms and attestation like carts', async () => {
    const order = (lineItems: unknown[], extra: Record<string, unknown> = {}) => client.post(`/v1/customers/${CONTOSO_ID}/orders`, { lineItems, ...extra });
    expect(asRecord((await order([{ ...legacyLine, lineItemNumber: 1 }])).body)['code']).toBe(800071);
    expect(asRecord((await order([{ ...legacyLine, offerId: 'NOT-AN-OFFER' }])).body)['code']).toBe(800004);
    const e5 = { lineItemNumber: 0, offerId: E5, quantity: 1, termDuration: 'P1M' };
    expect(asRecord((await order([e5], { billingCycle: 'annual' })).body)['code']).toBe(900270);
    expect(asRecord((await order([{ ...e5, customTermEndDate: '2026-05-05T00:00:00Z' }])).body)['code']).toBe(900242);
    expect(asRecord((await order([{ ...e5, offerId: WINDOWS_365 }])).body)['code']).toBe(900203);
    expect(asRecord((await order([{ ...e5, partnerIdOnRecord: '873452' }])).body)['code']).toBe(900206);
    expect((await order([{ ...e5, partnerIdOnRecord: '873452' }], { partnerOnRecordAttestationAccepted: true })).status).toBe(201);
  });
});

describe('PATCH /orders/{id}: legacy add-on to an existing subscription', () => {
  it('runs purchase-an-add-on-to-a-subscription.md verbatim (PascalCase, explicit nulls)', async () => {
    const response = await client.call('PATCH', `/v1/customers/${WOODGROVE_ID}/orders/${WOODGROVE_E3_ORDER_ID}`, fixture('api-order-addon-patch.request.json'));
    expect(response.status).toBe(200);
    const order = orderSchema.parse(response.body);
    expect(order.lineItems).toHaveLength(2);
    expect(order.lineItems[1]).toMatchObject({
      lineItemNumber: 1, offerId: '2828BE95-46BA-4F91-B2FD-0BEF192ECF60', parentSubscriptionId: WOODGROVE_E3_SUBSCRIPTION_ID,
      friendlyName: 'Some friendly name', quantity: 2, subscriptionId: expect.any(String),
    });
    expect(order.attributes?.etag).toEqual(expect.any(String));
  });

  it('400 800029 for an add-on that does not belong to the parent offer', async () => {
    const response = await client.call('PATCH', `/v1/customers/${CONTOSO_ID}/orders/${await e3OrderId()}`, {
      lineItems: [{ lineItemNumber: 0, offerId: 'C8A2F1D4-7B3E-4A6C-8D5F-2E9B1C4A7D30', quantity: 1, parentSubscriptionId: CONTOSO_E3_SUBSCRIPTION_ID }],
    });
    expect(response.status).toBe(400);
    expect(asRecord(response.body)).toMatchObject({ code: 800029, description: "The add-on isn't related to the specified parent subscription" });
  });

  it('404 for an unknown order (20000) or parent subscription (20003)', async () => {
    const addOn = { lineItemNumber: 0, offerId: '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59', quantity: 1 };
    const noOrder = await client.call('PATCH', `/v1/customers/${CONTOSO_ID}/orders/0123456789ab`, { lineItems: [{ ...addOn, parentSubscriptionId: CONTOSO_E3_SUBSCRIPTION_ID }] });
    expect([noOrder.status, asRecord(noOrder.body)['code']]).toEqual([404, 20000]);
    const noParent = await client.call('PATCH', `/v1/customers/${CONTOSO_ID}/orders/${await e3OrderId()}`, {
      lineItems: [{ ...addOn, parentSubscriptionId: '99999999-9999-9999-9999-999999999999' }],
    });
    expect([noParent.status, asRecord(noParent.body)['code']]).toEqual([404, 20003]);
  });
});

describe('checkout through the cart and orders agree', () => {
  it('GET /orders/{id} returns the order the checkout produced', async () => {
    const created = asRecord((await client.post(`/v1/customers/${CONTOSO_ID}/carts`, attestedCart([nceLine(E5)]))).body);
    const checkout = asRecord((await client.post(`/v1/customers/${CONTOSO_ID}/carts/${String(created['id'])}/checkout`)).body);
    const [order] = itemsOf(checkout);
    const read = await client.get(`/v1/customers/${CONTOSO_ID}/orders/${String(order?.['id'])}`);
    expect(read.body).toEqual(order);
  });
});
