import {
  changeOptions, checkTargetQuantity, formatErrorForUser, isPartnerCenterError, verdictFromReadBack, withQuantity, cancelled,
} from '../../../src/partner-center';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';
import { BUSINESS_BASIC_ITEM, ctx, recordedCalls, startHarness, type Harness } from './sandbox-harness';

const STARTED_AT = new Date('2026-12-01T09:00:00Z');
const HOUR_MS = 60 * 60 * 1000;
const CONTOSO_E5 = CONTOSO_E5_SUBSCRIPTION_ID;

/** The sandbox clock as the control API moves it, the way a test in another process would. */
async function sandboxNow(harness: Harness, advanceMs = 0): Promise<Date> {
  const response = await fetch(`${harness.sandbox.baseUrl}/_sandbox/clock`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advanceMs }),
  });
  return new Date(String(((await response.json()) as { now: string }).now));
}

/** A Business Basic subscription bought through a cart now, as the bot's purchase flow does. */
async function buy(harness: Harness, quantity: number): Promise<string> {
  const cart = await harness.client.createCart(ctx, CONTOSO_ID, {
    partnerOnRecordAttestationAccepted: true,
    lineItems: [{ id: 0, catalogItemId: BUSINESS_BASIC_ITEM, quantity, billingCycle: 'monthly', termDuration: 'P1M' }],
  });
  const checkout = await harness.client.checkoutCart(ctx, CONTOSO_ID, String(cart.id));
  return String(checkout.orders?.[0]?.lineItems[0]?.subscriptionId);
}

describe('changing a subscription through the client, against the sandbox', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({}, { now: () => STARTED_AT });
  });
  afterEach(() => harness.close());

  it('adds seats with one PATCH of the new total, If-Match the etag just read', async () => {
    const { subscription, etag } = await harness.client.getSubscriptionForUpdate(ctx, CONTOSO_ID, CONTOSO_E5);
    expect(checkTargetQuantity(subscription, 20, await sandboxNow(harness))).toEqual({ kind: 'increase', by: 5 });
    harness.sandbox.requests.length = 0;
    const result = await harness.client.updateSubscription(ctx, CONTOSO_ID, withQuantity(subscription, 20), etag);
    expect(result).toMatchObject({ outcome: 'updated', subscription: { quantity: 20, refundableQuantity: { totalQuantity: 10 } } });
    expect(recordedCalls(harness.sandbox)).toEqual([`PATCH /v1/customers/${CONTOSO_ID}/subscriptions/${CONTOSO_E5}`]);
    expect(harness.sandbox.requests[0]?.headers['if-match']).toBe(etag);
  });

  it('answers a change made with a stale etag as changed_meanwhile, and leaves the other change in place', async () => {
    const first = await harness.client.getSubscriptionForUpdate(ctx, CONTOSO_ID, CONTOSO_E5);
    await harness.client.updateSubscription(ctx, CONTOSO_ID, withQuantity(first.subscription, 18), first.etag);
    const late = await harness.client.updateSubscription(ctx, CONTOSO_ID, withQuantity(first.subscription, 16), first.etag);
    expect(late).toMatchObject({ outcome: 'changed_meanwhile', error: { httpStatus: 412 } });
    expect((await harness.client.getSubscription(ctx, CONTOSO_ID, CONTOSO_E5)).quantity).toBe(18);
  });

  it('refuses to reduce below the seats bought before the window with 900214 in plain words, the code and the correlation id', async () => {
    const { subscription, etag } = await harness.client.getSubscriptionForUpdate(ctx, CONTOSO_ID, CONTOSO_E5);
    expect(checkTargetQuantity(subscription, 9, await sandboxNow(harness))).toEqual({
      kind: 'below_refundable', lowestTotal: 10, until: new Date(STARTED_AT.getTime() + 120 * HOUR_MS),
    });
    const refused = await harness.client.updateSubscription(ctx, CONTOSO_ID, withQuantity(subscription, 9), etag).catch((error: unknown) => error);
    expect(isPartnerCenterError(refused) && refused.code).toBe(900214);
    expect(formatErrorForUser(refused, 'en-US')).toBe(
      `The window for reducing these seats has closed. You can still schedule fewer seats for the renewal, or turn auto-renew off. (Code 900214 · correlation id ${ctx.correlationId} · request id ${isPartnerCenterError(refused) ? refused.requestId : ''})`,
    );
    expect(formatErrorForUser(refused, 'pl-PL')).toContain('Okno zmniejszania liczby tych licencji już się zamknęło');
    expect((await harness.client.getSubscription(ctx, CONTOSO_ID, CONTOSO_E5)).quantity).toBe(15);
  });

  it('cancels a purchase made in the test inside its window; once the clock passes it, the rules and the service both say closed', async () => {
    const boughtId = await buy(harness, 2);
    const keptId = await buy(harness, 1);
    const bought = await harness.client.getSubscriptionForUpdate(ctx, CONTOSO_ID, boughtId);
    const windowEnd = new Date(STARTED_AT.getTime() + 168 * HOUR_MS);
    expect(changeOptions(bought.subscription, await sandboxNow(harness)).cancel).toEqual({ kind: 'allowed', until: windowEnd, refund: 'partial' });
    const result = await harness.client.updateSubscription(ctx, CONTOSO_ID, cancelled(bought.subscription), bought.etag);
    expect(result).toMatchObject({ outcome: 'updated', subscription: { status: 'deleted' } });

    const afterWindow = await sandboxNow(harness, 168 * HOUR_MS + 1);
    const kept = await harness.client.getSubscriptionForUpdate(ctx, CONTOSO_ID, keptId);
    expect(changeOptions(kept.subscription, afterWindow)).toMatchObject({
      cancel: { kind: 'window_closed', closedAt: windowEnd }, reduce: { kind: 'at_minimum' }, canTurnOffAutoRenew: true,
    });
    const refused = await harness.client.updateSubscription(ctx, CONTOSO_ID, cancelled(kept.subscription), kept.etag).catch((error: unknown) => error);
    expect(isPartnerCenterError(refused) && refused.code).toBe(900117);
    expect(formatErrorForUser(refused, 'en-US')).toContain('The cancellation window for this subscription has closed');
  });

  it('retries a PATCH whose answer was lost under the same MS-RequestId and changes the seats once', async () => {
    const { subscription, etag } = await harness.client.getSubscriptionForUpdate(ctx, CONTOSO_ID, CONTOSO_E5);
    harness.sandbox.knobs.set({ dropConnections: { count: 1, pathPattern: '/subscriptions/', afterProcessing: true } });
    harness.sandbox.requests.length = 0;
    const result = await harness.client.updateSubscription(ctx, CONTOSO_ID, withQuantity(subscription, 21), etag);
    expect(result).toMatchObject({ outcome: 'updated', subscription: { quantity: 21, refundableQuantity: { totalQuantity: 11 } } });
    const requestIds = harness.sandbox.requests.map((request) => request.headers['ms-requestid']);
    expect(requestIds).toHaveLength(2);
    expect(new Set(requestIds).size).toBe(1);
  });

  it('resolves an unknown outcome by reading the subscription back', async () => {
    const once = await startHarness({ retry: { maxAttempts: 1 } }, { now: () => STARTED_AT });
    try {
      const { subscription, etag } = await once.client.getSubscriptionForUpdate(ctx, CONTOSO_ID, CONTOSO_E5);
      once.sandbox.knobs.set({ dropConnections: { count: 1, pathPattern: '/subscriptions/', afterProcessing: true } });
      const lost = await once.client.updateSubscription(ctx, CONTOSO_ID, withQuantity(subscription, 12), etag).catch((error: unknown) => error);
      expect(isPartnerCenterError(lost) && lost.kind).toBe('network');
      const readBack = await once.client.getSubscription(ctx, CONTOSO_ID, CONTOSO_E5);
      expect(verdictFromReadBack({ kind: 'quantity', from: 15, to: 12 }, readBack)).toBe('applied');
    } finally {
      await once.close();
    }
  });
});
