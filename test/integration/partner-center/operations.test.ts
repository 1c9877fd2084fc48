import { sandboxTokenProvider } from '../../../src/connect-partner-center';
import { createHttpTransport } from '../../../src/partner-center/http';
import { readAllPages } from '../../../src/partner-center/paging';
import { customerSchema } from '../../../src/partner-center/schemas';
import { appPlusUserClient, BUSINESS_BASIC, BUSINESS_BASIC_ITEM, CONTOSO_E3, ctx, recordedCalls, startHarness, type Harness } from './sandbox-harness';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

describe('customers', () => {
  it('searches by company name prefix', async () => {
    const found = await harness.client.searchCustomers(ctx, 'contoso');
    expect(found.map((c) => c.companyProfile?.companyName).sort()).toEqual(['Contoso Ltd', 'Contoso Pharmaceuticals']);
  });

  it('searches by domain for a domain-like prefix', async () => {
    const found = await harness.client.searchCustomers(ctx, 'contosopharma.');
    expect(found.map((c) => c.companyProfile?.companyName)).toEqual(['Contoso Pharmaceuticals']);
  });

  it('pages through the whole list with the sandbox’s continuation token', async () => {
    const transport = createHttpTransport({ baseUrl: harness.sandbox.baseUrl, tokenProvider: sandboxTokenProvider(harness.sandbox) });
    const everyone = await readAllPages(transport, ctx, { path: '/customers', query: { size: 3 } }, customerSchema, { maxPages: 50 });
    const continued = harness.sandbox.requests.filter((r) => r.query['seekOperation'] === 'Next');
    expect(continued.length).toBeGreaterThanOrEqual(1);
    expect(continued.every((r) => typeof r.headers['ms-continuationtoken'] === 'string')).toBe(true);
    const onePage = await harness.client.searchCustomers(ctx, '', 500);
    expect(everyone.map((c) => c.id)).toEqual(onePage.map((c) => c.id));
  });

  it('gets one customer', async () => {
    await expect(harness.client.getCustomer(ctx, CONTOSO_ID)).resolves.toMatchObject({ id: CONTOSO_ID });
  });
});

describe('catalog', () => {
  const { productId, skuId, availabilityId } = BUSINESS_BASIC;

  it('walks product → SKU → availability for the customer', async () => {
    const products = await harness.client.listProducts(ctx, CONTOSO_ID, 'OnlineServices');
    expect(products.map((p) => p.id)).toContain(productId);
    const skus = await harness.client.listSkus(ctx, CONTOSO_ID, productId);
    expect(skus.map((s) => s.id)).toContain(skuId);
    await expect(harness.client.getSku(ctx, CONTOSO_ID, productId, skuId)).resolves.toMatchObject({ id: skuId, productId });
    const availabilities = await harness.client.listAvailabilities(ctx, CONTOSO_ID, productId, skuId);
    expect(availabilities.map((a) => a.catalogItemId)).toContain(BUSINESS_BASIC_ITEM);
    const availability = await harness.client.getAvailability(ctx, CONTOSO_ID, productId, skuId, availabilityId);
    expect(availability.terms?.length).toBeGreaterThan(0);
  });

  it('reads a legacy offer and its add-ons', async () => {
    await expect(harness.client.getOffer(ctx, CONTOSO_E3.offerId, 'US')).resolves.toMatchObject({ id: CONTOSO_E3.offerId });
    const addons = await harness.client.listOfferAddons(ctx, CONTOSO_E3.offerId, 'US');
    expect(addons.length).toBeGreaterThan(0);
    expect(addons.every((addon) => addon.isAddOn === true)).toBe(true);
  });
});

describe('buying', () => {
  it('creates, reads, updates and checks out a cart, then follows the order to its subscription', async () => {
    const line = { id: 0, catalogItemId: BUSINESS_BASIC_ITEM, quantity: 2, billingCycle: 'monthly', termDuration: 'P1M', friendlyName: 'Sales team' };
    const created = await harness.client.createCart(ctx, CONTOSO_ID, { lineItems: [line] });
    expect(created).toMatchObject({ status: 'Active', lineItems: [{ catalogItemId: BUSINESS_BASIC_ITEM, quantity: 2 }] });
    expect(created.lineItems[0]?.error).toBeFalsy();
    const cartId = created.id ?? '';

    await expect(harness.client.getCart(ctx, CONTOSO_ID, cartId)).resolves.toMatchObject({ id: cartId });
    const updated = await harness.client.updateCart(ctx, CONTOSO_ID, cartId, {
      partnerOnRecordAttestationAccepted: true, lineItems: [{ ...line, quantity: 3 }],
    });
    expect(updated.lineItems[0]?.quantity).toBe(3);

    const result = await harness.client.checkoutCart(ctx, CONTOSO_ID, cartId);
    const order = result.orders?.[0];
    expect(order).toMatchObject({ lineItems: [{ offerId: BUSINESS_BASIC_ITEM, quantity: 3, friendlyName: 'Sales team' }] });
    const orderId = order?.id ?? '';

    await expect(harness.client.getOrder(ctx, CONTOSO_ID, orderId)).resolves.toMatchObject({ id: orderId });
    await expect(harness.client.getOrderProvisioningStatus(ctx, CONTOSO_ID, orderId)).rejects.toMatchObject({ httpStatus: 403, code: 900329 });
    const statuses = await appPlusUserClient(harness.sandbox).getOrderProvisioningStatus(ctx, CONTOSO_ID, orderId);
    expect(statuses.length).toBeGreaterThan(0);
    const subscriptions = await harness.client.listSubscriptionsByOrder(ctx, CONTOSO_ID, orderId);
    expect(subscriptions).toHaveLength(1);
    const subscription = subscriptions[0];
    await expect(harness.client.getSubscription(ctx, CONTOSO_ID, subscription?.id ?? '')).resolves.toMatchObject({
      id: subscription?.id,
      friendlyName: 'Sales team',
    });
    const all = await harness.client.listSubscriptions(ctx, CONTOSO_ID);
    expect(all.map((s) => s.id)).toEqual(expect.arrayContaining([subscription?.id, CONTOSO_E3.subscriptionId]));
    const orders = await harness.client.listOrders(ctx, CONTOSO_ID);
    expect(orders.length).toBeGreaterThan(0);

    expect(harness.sandbox.requests.find((r) => r.path.endsWith('/checkout'))).toMatchObject({ method: 'POST', status: 201, body: undefined });
  });

  it('creates an order directly', async () => {
    const order = await harness.client.createOrder(ctx, CONTOSO_ID, {
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: BUSINESS_BASIC_ITEM, quantity: 1, termDuration: 'P1M', friendlyName: 'Direct order' }],
    });
    expect(order).toMatchObject({ id: expect.any(String), lineItems: [{ offerId: BUSINESS_BASIC_ITEM, friendlyName: 'Direct order' }] });
  });

  it('buys a legacy add-on by PATCHing the base subscription’s order', async () => {
    const base = await harness.client.getSubscription(ctx, CONTOSO_ID, CONTOSO_E3.subscriptionId);
    const [addon] = await harness.client.listOfferAddons(ctx, base.offerId, 'US');
    const orderId = base.orderId ?? '';
    const patched = await harness.client.addAddOnToOrder(ctx, CONTOSO_ID, orderId, {
      referenceCustomerId: CONTOSO_ID,
      lineItems: [
        { lineItemNumber: 0, offerId: addon?.id ?? '', parentSubscriptionId: base.id, friendlyName: 'Add-on', quantity: 2 },
      ],
    });
    expect(patched.lineItems.some((l) => l.offerId === addon?.id)).toBe(true);
    expect(recordedCalls(harness.sandbox)).toContain(`PATCH /v1/customers/${CONTOSO_ID}/orders/${orderId}`);
  });
});
