import { asRecord, attestedCart, E5, itemsOf, nceLine, openSandbox, type SandboxClient } from './sandbox-client';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

/**
 * The sandbox refuses what Partner Center refuses, with Partner Center's codes, instead of coercing it:
 * a value that is not a BillingCycleType member is 900126 "Unable to parse enum", a term that is not an
 * ISO-8601 duration is 900268, a property the resource does not have is 800002 naming it. Spelling
 * differences the service binds (case of keys and enum values) are accepted.
 */

let client: SandboxClient;
beforeAll(async () => {
  client = await openSandbox();
});
afterAll(() => client.sandbox.close());

const carts = `/v1/customers/${CONTOSO_ID}/carts`;
const orders = `/v1/customers/${CONTOSO_ID}/orders`;

async function refusal(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await client.post(path, body);
  expect(response.status).toBe(400);
  return asRecord(response.body);
}

describe('billing cycles', () => {
  it.each(['fortnightly', 'unknown', 'month', ''])('a cart line with billingCycle %p is 400 900126', async (billingCycle) => {
    const body = await refusal(carts, attestedCart([nceLine(E5, { billingCycle })]));
    expect(body).toMatchObject({ code: 900126, source: 'PartnerFD' });
    expect(String(body['description'])).toContain('Unable to parse enum');
  });

  it('an order with billingCycle "weekly" is 400 900126', async () => {
    const body = await refusal(orders, { billingCycle: 'weekly', lineItems: [{ lineItemNumber: 0, offerId: E5, quantity: 1, termDuration: 'P1Y' }] });
    expect(body['code']).toBe(900126);
  });

  it.each(['Monthly', 'MONTHLY', 'monthly'])('binds %p as monthly, as the service’s enum converter does', async (billingCycle) => {
    const created = await client.post(carts, attestedCart([nceLine(E5, { billingCycle })]));
    expect(created.status).toBe(201);
    expect(itemsOf(created.body)[0]).toMatchObject({ billingCycle: 'monthly' });
    expect(itemsOf(created.body)[0]?.['error']).toBeUndefined();
  });
});

describe('term durations', () => {
  it.each(['1Year', 'P1', 'annual', 'P1D2'])('a cart line with termDuration %p is 400 900268', async (termDuration) => {
    const body = await refusal(carts, attestedCart([nceLine(E5, { termDuration })]));
    expect(body).toMatchObject({ code: 900268, description: `The term duration '${termDuration}' is invalid.` });
  });

  it('an order line with termDuration "12 months" is 400 900268', async () => {
    const body = await refusal(orders, { lineItems: [{ lineItemNumber: 0, offerId: E5, quantity: 1, termDuration: '12 months' }] });
    expect(body['code']).toBe(900268);
  });

  it('a well-formed term the availability does not offer is a line error 400039 inside a 201 cart', async () => {
    const created = await client.post(carts, attestedCart([nceLine(E5, { termDuration: 'P2Y' })]));
    expect(created.status).toBe(201);
    expect(asRecord(itemsOf(created.body)[0]?.['error'])['errorCode']).toBe(400039);
  });
});

describe('participants and unknown properties', () => {
  it('a participant key that is not a ParticipantType is 400 900126', async () => {
    const body = await refusal(carts, attestedCart([nceLine(E5, { participants: [{ key: 'reseller', value: '5357564' }] })]));
    expect(body['code']).toBe(900126);
  });

  it('a property the cart line does not have is 400 800002 naming it (a misspelt field is never silently dropped)', async () => {
    const body = await refusal(carts, attestedCart([nceLine(E5, { quantitiy: 2 })]));
    expect(body['code']).toBe(800002);
    expect(String(body['description'])).toContain('quantitiy');
  });
});
