import { lineErrorMessageKey } from '../../../src/partner-center/error-messages';
import { formatErrorForUser } from '../../../src/partner-center/error-reporting';
import { PartnerCenterError } from '../../../src/partner-center/errors';
import { BUSINESS_BASIC_ITEM, ctx, startHarness, type Harness } from './sandbox-harness';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.sandbox.knobs.reset();
  harness.sandbox.requests.length = 0;
  harness.sleeps.length = 0;
});

async function failureOf(promise: Promise<unknown>): Promise<PartnerCenterError> {
  const outcome = await promise.then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(PartnerCenterError);
  return outcome as PartnerCenterError;
}

const newCart = () =>
  harness.client.createCart(ctx, CONTOSO_ID, {
    partnerOnRecordAttestationAccepted: true,
    lineItems: [{ id: 0, catalogItemId: BUSINESS_BASIC_ITEM, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' }],
  });

describe('retries against the sandbox', () => {
  it('waits Retry-After seconds after a 429, then succeeds', async () => {
    harness.sandbox.knobs.set({ throttle: { count: 2, retryAfterSeconds: 3 } });
    await expect(harness.client.getCustomer(ctx, CONTOSO_ID)).resolves.toMatchObject({ id: CONTOSO_ID });
    expect(harness.sleeps).toEqual([3000, 3000]);
    expect(harness.sandbox.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('retries 500s with the same MS-RequestId, so a create happens once', async () => {
    harness.sandbox.knobs.set({ serverErrors: { count: 2, status: 500, pathPattern: '/carts$' } });
    const cart = await newCart();
    expect(cart.id).toBeTruthy();
    const posts = harness.sandbox.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([500, 500, 201]);
    expect(new Set(posts.map((r) => r.headers['ms-requestid'])).size).toBe(1);
  });

  it('retries a dropped connection of a checkout with the same MS-RequestId', async () => {
    const cart = await newCart();
    harness.sandbox.requests.length = 0;
    harness.sandbox.knobs.set({ dropConnections: { count: 1, pathPattern: '/checkout$' } });
    const result = await harness.client.checkoutCart({ ...ctx, requestId: 'checkout-of-cart-1' }, CONTOSO_ID, cart.id ?? '');
    expect(result.orders).toHaveLength(1);
    expect(harness.sandbox.requests.map((r) => [r.status, r.headers['ms-requestid']])).toEqual([
      [0, 'checkout-of-cart-1'],
      [201, 'checkout-of-cart-1'],
    ]);
  });

  it('does not retry a 400', async () => {
    const error = await failureOf(
      harness.client.createCart(ctx, CONTOSO_ID, { lineItems: 'not a list' } as unknown as Parameters<Harness['client']['createCart']>[2]),
    );
    expect(error).toMatchObject({ kind: 'business', httpStatus: 400, code: 800002, attempts: 1 });
    expect(harness.sandbox.requests).toHaveLength(1);
  });

  it('gives up at the deadline while the service keeps failing', async () => {
    harness.sandbox.knobs.set({ serverErrors: { count: 1000, status: 503 } });
    // An uncached read: the customer read by the first test is served from the client's cache for a minute.
    const error = await failureOf(harness.client.getCart(ctx, CONTOSO_ID, 'cart-while-failing'));
    expect(error).toMatchObject({ kind: 'transient', httpStatus: 503, userMessageKey: 'pc.transient' });
    expect(harness.sandbox.requests.length).toBe(error.attempts);
    expect(harness.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThan(30_000);
  });

  it('times out a slow answer', async () => {
    const slow = await startHarness({ retry: { attemptTimeoutMs: 50, maxAttempts: 2 } });
    try {
      slow.sandbox.knobs.set({ latency: { ms: 1_000 } });
      const error = await failureOf(slow.client.getCustomer(ctx, CONTOSO_ID));
      expect(error).toMatchObject({ kind: 'timeout', attempts: 2 });
    } finally {
      slow.sandbox.knobs.reset();
      await slow.close();
    }
  });
});

describe('errors from the sandbox', () => {
  it('maps a 13605 checkout fault to a typed error with a user message', async () => {
    const cart = await newCart();
    harness.sandbox.knobs.set({ businessFault: { code: 13605, status: 403, on: 'checkout' } });
    const error = await failureOf(harness.client.checkoutCart(ctx, CONTOSO_ID, cart.id ?? ''));
    expect(error).toMatchObject({
      kind: 'business',
      httpStatus: 403,
      code: 13605,
      correlationId: ctx.correlationId,
      userMessageKey: 'pc.13605',
      attempts: 1,
    });
    expect(formatErrorForUser(error, 'pl-PL')).toContain(
      `(Kod 13605 · identyfikator korelacji aaaa0000-bb11-2222-33cc-444444dddddd · identyfikator żądania ${error.requestId})`,
    );
  });

  it.each([
    [900121, 403, 'pc.900121'],
    [800060, 409, 'pc.800060'],
  ])('maps business fault %s', async (code, status, key) => {
    const cart = await newCart();
    harness.sandbox.knobs.set({ businessFault: { code, status, on: 'checkout' } });
    const error = await failureOf(harness.client.checkoutCart(ctx, CONTOSO_ID, cart.id ?? ''));
    expect(error).toMatchObject({ code, httpStatus: status, userMessageKey: key });
  });

  it('maps an unknown customer to 60003', async () => {
    const error = await failureOf(harness.client.getCustomer(ctx, '00000000-0000-4000-8000-000000000000'));
    expect(error).toMatchObject({ kind: 'not_found', code: 60003, userMessageKey: 'pc.60003' });
  });

  it('maps a missing cart to 800008', async () => {
    const error = await failureOf(harness.client.getCart(ctx, CONTOSO_ID, '00000000-0000-4000-8000-000000000000'));
    expect(error).toMatchObject({ kind: 'not_found', code: 800008, userMessageKey: 'pc.800008' });
  });

  it('shows line errors inside a 201 cart with review-card keys', async () => {
    const cart = await harness.client.createCart(ctx, CONTOSO_ID, {
      lineItems: [{ id: 0, catalogItemId: BUSINESS_BASIC_ITEM, quantity: 1, billingCycle: 'monthly', termDuration: 'P3Y' }],
    });
    const code = cart.lineItems[0]?.error?.errorCode;
    expect(code).toBe(400039);
    expect(lineErrorMessageKey(code)).toBe('pc.line.400039');
  });
});
