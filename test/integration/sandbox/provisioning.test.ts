import { cartCheckoutResultSchema, orderSchema, subscriptionSchema } from '../../../src/partner-center/schemas';
import { asAppPlusUser, asRecord, attestedCart, BUSINESS_BASIC, E5, itemsOf, ManualClock, NCE_ADDON, nceLine, openSandbox, type SandboxClient } from './sandbox-client';
import { COHO_WINERY_ID, CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID, NORTHWIND_ID } from '../../../src/sandbox/data/seed-ids';

const DAY_MS = 24 * 60 * 60 * 1000;
const PURCHASED_AT = new Date('2026-07-15T10:30:00Z');

async function checkOut(client: SandboxClient, customerId: string, lineItems: unknown[]) {
  const created = asRecord((await client.post(`/v1/customers/${customerId}/carts`, attestedCart(lineItems))).body);
  const checkout = await client.post(`/v1/customers/${customerId}/carts/${String(created['id'])}/checkout`);
  expect(checkout.status).toBe(201);
  return cartCheckoutResultSchema.parse(checkout.body);
}

describe('asynchronous provisioning, driven by the injected clock', () => {
  const clock = new ManualClock(PURCHASED_AT);
  let client: SandboxClient;

  beforeAll(async () => {
    client = await openSandbox({ now: clock.now, provisioningDelayMs: 60_000 });
  });
  afterAll(() => client.sandbox.close());

  it('keeps the order pending until the delay passes, then completes it and creates the subscriptions', async () => {
    const result = await checkOut(client, NORTHWIND_ID, [
      nceLine(E5, { quantity: 4, friendlyName: 'E5 for sales' }),
      nceLine(BUSINESS_BASIC, { termDuration: 'P1M', customTermEndDate: '2026-07-31T00:00:00Z' }),
    ]);
    const orderId = String(result.orders?.[0]?.id);
    const orderPath = `/v1/customers/${NORTHWIND_ID}/orders/${orderId}`;
    const bySubscriptionOrder = `/v1/customers/${NORTHWIND_ID}/subscriptions?order_id=${orderId}`;

    clock.advance(59_999);
    expect(orderSchema.parse((await client.get(orderPath)).body).status).toBe('pending');
    expect(itemsOf((await client.get(`${orderPath}/provisioningstatus`, asAppPlusUser(client))).body).map((item) => item['status'])).toEqual(['pending', 'pending']);
    expect(asRecord((await client.get(bySubscriptionOrder)).body)['totalCount']).toBe(0);

    clock.advance(1);
    const order = orderSchema.parse((await client.get(orderPath)).body);
    expect(order.status).toBe('completed');
    expect(order.lineItems.every((line) => typeof line.subscriptionId === 'string')).toBe(true);
    const status = itemsOf((await client.get(`${orderPath}/provisioningstatus`, asAppPlusUser(client))).body);
    expect(status[0]).toEqual({
      orderLineItemId: 0, lineItemNumber: 0, status: 'fulfilled', quantityProvisioningInformation: [{ quantity: 4, status: 'fulfilled' }],
    });

    const subscriptions = itemsOf((await client.get(bySubscriptionOrder)).body).map((item) => subscriptionSchema.parse(item));
    expect(subscriptions.map((sub) => sub.id).sort()).toEqual(order.lineItems.map((line) => line.subscriptionId).sort());
    const e5 = subscriptions.find((sub) => sub.offerId === E5);
    expect(e5).toMatchObject({
      status: 'active', orderId, quantity: 4, friendlyName: 'E5 for sales', termDuration: 'P1Y', billingCycle: 'monthly',
      commitmentEndDate: '2027-07-14T00:00:00.000Z',
      cancellationAllowedUntilDate: new Date(PURCHASED_AT.getTime() + 7 * DAY_MS).toISOString(),
      hasPurchasableAddons: true,
    });
    expect(subscriptions.find((sub) => sub.offerId === BUSINESS_BASIC)?.commitmentEndDate).toBe('2026-07-31T00:00:00.000Z');
  });

  it('lets the NCE add-on pass once its base subscription exists', async () => {
    const customerId = COHO_WINERY_ID;
    const addOnBefore = asRecord((await client.post(`/v1/customers/${customerId}/carts`, attestedCart([nceLine(NCE_ADDON)]))).body);
    expect(itemsOf(addOnBefore)[0]?.['error']).toMatchObject({ errorCode: 400041 });
    await checkOut(client, customerId, [nceLine(E5)]);
    clock.advance(60_000);
    const addOnAfter = asRecord((await client.post(`/v1/customers/${customerId}/carts`, attestedCart([nceLine(NCE_ADDON)]))).body);
    expect(itemsOf(addOnAfter)[0]?.['error']).toBeUndefined();
  });
});

describe('provisioningDelayMs: 0', () => {
  it('answers checkout with completed orders that already carry subscription ids', async () => {
    const client = await openSandbox({ now: () => PURCHASED_AT, provisioningDelayMs: 0 });
    try {
      const result = await checkOut(client, NORTHWIND_ID, [nceLine(BUSINESS_BASIC)]);
      expect(result.orders?.[0]?.status).toBe('completed');
      expect(result.orders?.[0]?.lineItems[0]?.subscriptionId).toEqual(expect.any(String));
    } finally {
      await client.sandbox.close();
    }
  });
});

describe('custom term end dates', () => {
  it('offers the calendar-month date and the end dates of active NCE subscriptions inside the term', async () => {
    const client = await openSandbox({ now: () => PURCHASED_AT });
    try {
      const contoso = CONTOSO_ID;
      const e5 = subscriptionSchema.parse((await client.get(`/v1/customers/${contoso}/subscriptions/${CONTOSO_E5_SUBSCRIPTION_ID}`)).body);
      const annual = itemsOf((await client.get(`/v1/customers/${contoso}/subscriptions/customTermEndDates?term_duration=P1Y`)).body);
      expect(annual).toEqual([
        { allowedCustomTermEndDateType: 'calendarMonthAligned', allowedCustomTermEndDate: '2027-06-30T00:00:00' },
        { allowedCustomTermEndDateType: 'subscriptionAligned', cotermSubscriptionIds: [e5.id], allowedCustomTermEndDate: `${String(e5.commitmentEndDate).slice(0, 10)}T00:00:00` },
      ]);
      const monthly = itemsOf((await client.get(`/v1/customers/${contoso}/subscriptions/customTermEndDates?term_duration=P1M`)).body);
      expect(monthly).toEqual([{ allowedCustomTermEndDateType: 'calendarMonthAligned', allowedCustomTermEndDate: '2026-07-31T00:00:00' }]);
      const accepted = await client.post(`/v1/customers/${contoso}/carts`, {
        lineItems: [nceLine(BUSINESS_BASIC, { customTermEndDate: annual[1]?.['allowedCustomTermEndDate'] })],
      });
      expect(itemsOf(accepted.body)[0]?.['error']).toBeUndefined();
    } finally {
      await client.sandbox.close();
    }
  });
});
