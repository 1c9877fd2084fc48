import { asRecord, BUSINESS_BASIC, E5, itemsOf, ManualClock, NCE_ADDON, nceLine, openSandbox, type SandboxClient } from './sandbox-client';
import { CONTOSO_ID, NORTHWIND_ID } from '../../../src/sandbox/data/seed-ids';

const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
const RESERVED_INSTANCE = 'DZH318Z0BQ36:004G:DZH318Z08C0S';
let client: SandboxClient;

beforeAll(async () => {
  client = await openSandbox({ now: clock.now });
});
afterAll(() => client.sandbox.close());

async function createCart(customerId: string, lineItems: unknown[]): Promise<Record<string, unknown>[]> {
  const created = await client.post(`/v1/customers/${customerId}/carts`, { lineItems });
  expect(created.status).toBe(201);
  return itemsOf(created.body);
}

async function lineError(line: Record<string, unknown>, customerId = CONTOSO_ID): Promise<unknown> {
  const [only] = await createCart(customerId, [line]);
  return only?.['error'];
}

describe('cart line validation: errors sit on the line of a 201 cart', () => {
  it('10001 for an unknown catalog item, while the valid line beside it is priced', async () => {
    const [unknown, valid] = await createCart(CONTOSO_ID, [nceLine('CFQ7TTC0XXXX:0001:CFQ7TTC0YYYY'), nceLine(BUSINESS_BASIC)]);
    expect(unknown?.['error']).toMatchObject({ errorCode: 10001 });
    expect(unknown?.['orderGroup']).toBeUndefined();
    expect(valid?.['error']).toBeUndefined();
    expect(valid?.['pricing']).toMatchObject({ listPrice: 6, extendedPrice: 72 });
  });

  it('400039 for a term the availability does not offer, with the live wording', async () => {
    expect(await lineError(nceLine(BUSINESS_BASIC, { termDuration: 'P3Y' }))).toEqual({
      errorCode: 400039,
      errorDescription: 'Availability CFQ7TTC0K971 referenced by line item 0 does not support term \'P3Y\'.',
    });
    expect(await lineError(nceLine(BUSINESS_BASIC, { termDuration: undefined }))).toMatchObject({
      errorCode: 400039,
      errorDescription: "Availability CFQ7TTC0K971 referenced by line item 0 does not support term ''.",
    });
    expect(await lineError({ catalogItemId: 'DG7GMGF0DWM3:0002:DG7GMGF0DT1M', quantity: 1, billingCycle: 'one_time', termDuration: 'P1Y' }))
      .toMatchObject({ errorCode: 400039 });
  });

  it('900270 when the billing cycle is longer than the term; 400039 for a shorter pair not offered', async () => {
    expect(await lineError(nceLine(BUSINESS_BASIC, { termDuration: 'P1M', billingCycle: 'annual' }))).toMatchObject({ errorCode: 900270 });
    expect(await lineError(nceLine(E5, { termDuration: 'P3Y', billingCycle: 'monthly' }))).toMatchObject({ errorCode: 400039 });
  });

  it('accepts enum values in any case', async () => {
    const [line] = await createCart(CONTOSO_ID, [nceLine(E5, { billingCycle: 'ANNUAL' })]);
    expect(line).toMatchObject({ billingCycle: 'annual', pricing: { price: 364.8, extendedPrice: 364.8 } });
  });

  it('900275 for a quantity outside the SKU minimum/maximum', async () => {
    expect(await lineError(nceLine(BUSINESS_BASIC, { quantity: 301 }))).toMatchObject({ errorCode: 900275 });
    expect(await lineError(nceLine(BUSINESS_BASIC, { quantity: 0 }))).toMatchObject({ errorCode: 900275 });
    expect(await lineError(nceLine(BUSINESS_BASIC, { quantity: 300 }))).toBeUndefined();
  });

  it('10010 for missing reservation provisioning variables (duration implied by termDuration)', async () => {
    const ri = { catalogItemId: RESERVED_INSTANCE, quantity: 1, billingCycle: 'one_time' };
    expect(await lineError({ ...ri, termDuration: 'P1Y', provisioningContext: { subscriptionId: 'x' } })).toMatchObject({ errorCode: 10010 });
    expect(await lineError({ ...ri, provisioningContext: { subscriptionId: 'x', scope: 'shared' } })).toMatchObject({ errorCode: 10010 });
    expect(await lineError({ ...ri, provisioningContext: { subscriptionId: 'x', scope: 'shared', duration: '1Year' } })).toBeUndefined();
    expect(await lineError({ ...ri, termDuration: 'P1Y', provisioningContext: { subscriptionId: 'x', scope: 'everywhere' } })).toMatchObject({ errorCode: 10010 });
  });

  it('10010 when a reservation’s provisioning duration disagrees with its term (a 3-year term cannot carry 1Year)', async () => {
    const ri = { catalogItemId: RESERVED_INSTANCE, quantity: 1, billingCycle: 'one_time' };
    const context = (duration: string) => ({ subscriptionId: 'x', scope: 'shared', duration });
    expect(await lineError({ ...ri, termDuration: 'P3Y', provisioningContext: context('1Year') })).toMatchObject({
      errorCode: 10010, errorDescription: "Line item 0: the provisioning context duration '1Year' does not match the term 'P3Y'.",
    });
    expect(await lineError({ ...ri, termDuration: 'P3Y', provisioningContext: context('3Years') })).toBeUndefined();
    expect(await lineError({ ...ri, termDuration: 'P1Y', provisioningContext: context('1Year') })).toBeUndefined();
  });

  it('10010 for more than five additional_transaction_reseller participants', async () => {
    const additional = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ key: 'additional_transaction_reseller', value: String(100 + i) }));
    expect(await lineError(nceLine(E5, { participants: additional(6) }))).toMatchObject({ errorCode: 10010 });
    expect(await lineError(nceLine(E5, { participants: additional(5) }))).toBeUndefined();
  });

  it('400041 for an NCE add-on when the customer owns no prerequisite SKU', async () => {
    expect(await lineError(nceLine(NCE_ADDON), NORTHWIND_ID)).toEqual({
      errorCode: 400041,
      errorDescription: 'The addon is not purchasable without a compatible base product',
    });
    expect(await lineError(nceLine(NCE_ADDON), CONTOSO_ID)).toBeUndefined();
  });

  it('10017 for a customTermEndDate that is neither a month end nor an active NCE end date', async () => {
    expect(await lineError(nceLine(BUSINESS_BASIC, { customTermEndDate: '2026-11-17T00:00:00Z' }))).toMatchObject({ errorCode: 10017 });
    expect(await lineError(nceLine(BUSINESS_BASIC, { customTermEndDate: '2026-01-31T00:00:00Z' }))).toMatchObject({ errorCode: 10017 });
    expect(await lineError(nceLine(BUSINESS_BASIC, { customTermEndDate: '2026-11-30T00:00:00Z' }))).toBeUndefined();
    const subscriptions = await client.get(`/v1/customers/${CONTOSO_ID}/subscriptions`);
    const e5 = itemsOf(subscriptions.body).find((sub) => sub['offerId'] === E5);
    expect(await lineError(nceLine(BUSINESS_BASIC, { customTermEndDate: e5?.['commitmentEndDate'] }))).toBeUndefined();
    expect(await lineError({ catalogItemId: 'DG7GMGF0DWM3:0002:DG7GMGF0DT1M', quantity: 1, billingCycle: 'one_time', customTermEndDate: '2026-11-30T00:00:00Z' }))
      .toMatchObject({ errorCode: 10016 });
  });

  it('10014 for a promotion that does not apply; a valid one discounts the price', async () => {
    expect(await lineError(nceLine(E5, { promotionId: 'NOPE' }))).toMatchObject({ errorCode: 10014 });
    expect(await lineError(nceLine(BUSINESS_BASIC, { promotionId: '39NFJQT1Q5KT:0001:39NFJQT1Q5KW' }))).toMatchObject({ errorCode: 10014 });
    const [promoted] = await createCart(CONTOSO_ID, [nceLine(E5, { promotionId: '39NFJQT1Q5KT:0001:39NFJQT1Q5KW' })]);
    expect(promoted?.['pricing']).toEqual({ listPrice: 30.4, discountedPrice: 28.88, proratedPrice: 28.88, price: 28.88, extendedPrice: 346.56 });
  });
});

describe('request-level failures are HTTP errors with the standard body', () => {
  it('404 60003 for an unknown customer', async () => {
    const response = await client.post('/v1/customers/00000000-0000-0000-0000-000000000000/carts', { lineItems: [nceLine(E5)] });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 60003, description: expect.any(String), data: [], source: 'PartnerFD' });
  });

  it.each([
    ['malformed JSON', '{"lineItems": ['],
    ['no line items', { lineItems: [] }],
    ['no lineItems key', { partnerOnRecordAttestationAccepted: true }],
    ['a quantity that is not a number', { lineItems: [nceLine(E5, { quantity: 'two' })] }],
  ])('400 800002 for %s', async (_label, body) => {
    const response = await client.post(`/v1/customers/${CONTOSO_ID}/carts`, body);
    expect(response.status).toBe(400);
    expect(asRecord(response.body)).toMatchObject({ code: 800002, data: [], source: 'PartnerFD' });
  });
});

describe('GET and PUT a cart', () => {
  it('PUT replaces and revalidates the lines (200); GET returns the stored cart', async () => {
    const created = asRecord((await client.post(`/v1/customers/${CONTOSO_ID}/carts`, { lineItems: [nceLine(BUSINESS_BASIC, { quantity: 999 })] })).body);
    const path = `/v1/customers/${CONTOSO_ID}/carts/${String(created['id'])}`;
    expect(itemsOf(created)[0]?.['error']).toMatchObject({ errorCode: 900275 });
    const updated = await client.call('PUT', path, { ...created, lineItems: [nceLine(BUSINESS_BASIC, { quantity: 5 })] });
    expect(updated.status).toBe(200);
    expect(itemsOf(updated.body)[0]).toMatchObject({ quantity: 5, orderGroup: '0' });
    expect(itemsOf(updated.body)[0]?.['error']).toBeUndefined();
    const read = await client.get(path);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(updated.body);
  });

  it('404 800008 for a cart that does not exist', async () => {
    const response = await client.get(`/v1/customers/${CONTOSO_ID}/carts/11111111-2222-3333-4444-555555555555`);
    expect(response.status).toBe(404);
    expect(asRecord(response.body)['code']).toBe(800008);
  });
});
