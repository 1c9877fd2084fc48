import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Histogram } from '@opentelemetry/sdk-metrics';
import { text } from '../bot/card-helpers';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { driveToConfirmation, placeOrderData, type Confirmation } from '../scale/drive-purchase';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';
import { InMemoryTelemetry, withAttributes } from './in-memory-telemetry';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '88888888-8888-4888-8888-888888888888', name: 'Rita Rep', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:personal-telemetry', conversationType: 'personal' };
const CHECKOUT = 'POST /customers/{id}/carts/{id}/checkout';
const CREATE_CART = 'POST /customers/{id}/carts';

describe('a purchase over HTTP with OpenTelemetry registered (in-memory exporter and metric reader)', () => {
  const telemetry = new InMemoryTelemetry();
  let bot: BotUnderTest;
  let confirmation: Confirmation;
  beforeAll(async () => {
    telemetry.register();
    bot = await startBotUnderTest();
    // Partner Center throttles the cart creation once: the client waits and retries.
    bot.sandbox.knobs.set({ throttle: { count: 1, retryAfterSeconds: 0, pathPattern: '/carts$' } });
    confirmation = await driveToConfirmation([bot.teams], bot.connector, rep, chat);
    const answer = await bot.teams.execute(rep, chat, confirmation.cardId, 'cart.placeOrder', placeOrderData(confirmation));
    expect(text(answer.body.value)).toMatch(/Placing the order|Order placed/);
    await bot.app.background.idle();
  });
  afterAll(async () => {
    await bot.stop();
    await telemetry.unregister();
  });

  const turnSpans = () => telemetry.spans().filter((s) => s.name.startsWith('turn '));
  const callSpans = (operation: string) => telemetry.spans().filter((s) => s.name === `Partner Center ${operation}`);

  it('makes a span per turn with the command or verb, the conversation type and the outcome', () => {
    const [command] = withAttributes(turnSpans(), { 'bot.command': 'new cart' });
    expect(command).toMatchObject({
      name: 'turn message',
      attributes: { 'bot.activity.type': 'message', 'bot.conversation.type': 'personal', 'bot.turn.outcome': 'ok' },
    });
    const [placeOrder] = withAttributes(turnSpans(), { 'bot.verb': 'cart.placeOrder' });
    expect(placeOrder).toMatchObject({
      name: 'turn invoke',
      attributes: { 'bot.activity.type': 'invoke', 'bot.activity.name': 'adaptiveCard/action', 'bot.conversation.type': 'personal', 'bot.turn.outcome': 'ok' },
    });
    // One span for each turn the rep took, in order.
    expect(turnSpans().map((s) => s.attributes['bot.verb'] ?? s.attributes['bot.command'])).toEqual([
      'new cart', 'cart.searchCustomer', 'cart.searchProduct', 'cart.saveLine', 'cart.review', 'cart.placeOrder',
    ]);
  });

  it('makes a span per Partner Center call with the request and correlation ids the service received', () => {
    const [span] = callSpans(CHECKOUT);
    const [received] = bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/checkout'));
    expect(span).toBeDefined();
    expect(span!.kind).toBe(SpanKind.CLIENT);
    expect(span!.attributes).toMatchObject({
      'http.request.method': 'POST',
      'url.template': '/customers/{id}/carts/{id}/checkout',
      'http.response.status_code': received!.status,
      'partner_center.request_id': received!.headers['ms-requestid'],
      'partner_center.correlation_id': received!.headers['ms-correlationid'],
      'partner_center.attempts': 1,
      'partner_center.retries': 0,
    });
    // The checkout runs for the Place order turn, so its span belongs to that turn's trace.
    const [placeOrder] = withAttributes(turnSpans(), { 'bot.verb': 'cart.placeOrder' });
    expect(span!.spanContext().traceId).toBe(placeOrder!.spanContext().traceId);
    expect(span!.parentSpanContext?.spanId).toBe(placeOrder!.spanContext().spanId);
  });

  it('shows the throttled call retried once, with the 429 as a retry event', () => {
    const [span] = callSpans(CREATE_CART);
    expect(span!.attributes).toMatchObject({ 'http.response.status_code': 201, 'partner_center.attempts': 2, 'partner_center.retries': 1 });
    expect(span!.events.map((e) => [e.name, e.attributes?.['http.response.status_code']])).toEqual([['retry', 429]]);
    expect(span!.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it('never puts customer names, ids or card data into span names or attributes', () => {
    const exported = JSON.stringify(telemetry.spans().map((s) => [s.name, s.attributes, s.events]));
    for (const secretish of [CONTOSO_ID, 'Contoso', confirmation.purchaseId, rep.aadObjectId, rep.name, 'attestPartnerOfRecord']) {
      expect(exported).not.toContain(secretish);
    }
  });

  it('counts the purchase by outcome and records its checkout duration', async () => {
    expect((await telemetry.points('partner_cart.purchases')).map((p) => [p.attributes, p.value])).toEqual([
      [{ kind: 'cart', outcome: 'ordered', resumed: false }, 1],
    ]);
    const [duration] = await telemetry.points('partner_cart.checkout.duration');
    expect(duration!.attributes).toEqual({ kind: 'cart', outcome: 'ordered', resumed: false });
    expect((duration!.value as Histogram).count).toBe(1);
    expect((duration!.value as Histogram).sum).toBeGreaterThan(0);
  });

  it('records Partner Center latency by operation and counts the 429', async () => {
    const latency = await telemetry.points('partner_cart.partner_center.duration');
    const [checkout] = withAttributes(latency, { operation: CHECKOUT });
    expect(checkout!.attributes).toEqual({ operation: CHECKOUT, outcome: 'ok' });
    expect((checkout!.value as Histogram).count).toBe(1);
    expect(new Set(latency.map((p) => p.attributes.operation))).toContain(CREATE_CART);
    expect((await telemetry.points('partner_cart.partner_center.throttled')).map((p) => [p.attributes, p.value])).toEqual([
      [{ operation: CREATE_CART }, 1],
    ]);
  });
});

describe('a checkout Partner Center refuses, with OpenTelemetry registered', () => {
  const telemetry = new InMemoryTelemetry();
  let bot: BotUnderTest;
  beforeAll(async () => {
    telemetry.register();
    bot = await startBotUnderTest();
  });
  afterAll(async () => {
    await bot.stop();
    await telemetry.unregister();
  });

  it('counts a failed purchase and marks the checkout call with the Partner Center code', async () => {
    const confirmation = await driveToConfirmation([bot.teams], bot.connector, rep, chat);
    bot.sandbox.knobs.set({ businessFault: { count: 1, on: 'checkout', status: 400, code: 900121 } });
    await bot.teams.execute(rep, chat, confirmation.cardId, 'cart.placeOrder', placeOrderData(confirmation));
    await bot.app.background.idle();

    const [span] = telemetry.spans().filter((s) => s.name === `Partner Center ${CHECKOUT}`);
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.attributes).toMatchObject({ 'http.response.status_code': 400, 'error.type': 'business', 'partner_center.error_code': '900121' });
    expect((await telemetry.points('partner_cart.purchases')).map((p) => [p.attributes, p.value])).toEqual([
      [{ kind: 'cart', outcome: 'failed', resumed: false }, 1],
    ]);
    const [checkout] = withAttributes(await telemetry.points('partner_cart.partner_center.duration'), { operation: CHECKOUT });
    expect(checkout!.attributes).toEqual({ operation: CHECKOUT, outcome: 'business' });
  });
});
