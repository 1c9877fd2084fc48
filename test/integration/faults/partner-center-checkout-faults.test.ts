import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, text } from '../bot/card-helpers';
import { driveToConfirmation } from '../bot/drive-to-confirmation';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { checkoutsOf, driveTwoGroupsToConfirmation, newChat, ordersOfContoso, placeOrder, rep, withAnotherInstance } from './checkout-faults';

/**
 * Partner Center misbehaving at the moment of checkout, through the whole bot over HTTP: whatever
 * happens, one order at most, the cart kept, and the rep told what happened.
 */
describe('Partner Center faults during checkout', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterEach(() => bot.sandbox.knobs.reset());
  afterAll(() => bot.stop());

  const requestIds = (cartId: string) => checkoutsOf(bot.sandbox.requests, cartId).map((r) => r.headers['ms-requestid']);
  const statuses = (cartId: string) => checkoutsOf(bot.sandbox.requests, cartId).map((r) => r.status);

  it('waits out a 429 with Retry-After and checks out once, under the same MS-RequestId', async () => {
    bot.sandbox.knobs.set({ throttle: { count: 1, retryAfterSeconds: 1, pathPattern: '/checkout$' } });
    const started = Date.now();
    const order = await placeOrder(bot);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(text(order.answer)).toContain('Order placed for Contoso Ltd');
    expect(statuses(order.cartId)).toEqual([429, 201]);
    expect(new Set(requestIds(order.cartId)).size).toBe(1);
    expect((await bot.app.purchases.load(order.purchaseId))!.purchase.status).toBe('ordered');
  });

  it('rides out 500s with the same MS-RequestId', async () => {
    bot.sandbox.knobs.set({ serverErrors: { count: 2, status: 500, pathPattern: '/checkout$' } });
    const order = await placeOrder(bot);
    expect(text(order.answer)).toContain('Order placed for Contoso Ltd');
    expect(statuses(order.cartId)).toEqual([500, 500, 201]);
    expect(new Set(requestIds(order.cartId)).size).toBe(1);
  });

  it('repeats a checkout whose connection dropped with the same MS-RequestId, ordering once', async () => {
    bot.sandbox.knobs.set({ dropConnections: { count: 1, pathPattern: '/checkout$' } });
    const order = await placeOrder(bot);
    expect(text(order.answer)).toContain('Order placed for Contoso Ltd');
    expect(statuses(order.cartId)).toEqual([0, 201]);
    expect(new Set(requestIds(order.cartId)).size).toBe(1);
  });

  it('after every attempt lost its answer, re-reads the cart and collects the order placed under the same MS-RequestId', async () => {
    await withAnotherInstance(bot, { partnerCenterRetry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } }, async (impatient) => {
      const ordersBefore = await ordersOfContoso(bot);
      bot.sandbox.knobs.set({ dropConnections: { count: 2, pathPattern: '/checkout$', afterProcessing: true } });
      const order = await placeOrder(impatient);
      expect(text(order.answer)).toContain('Order placed for Contoso Ltd');
      expect(statuses(order.cartId)).toEqual([0, 0, 201]);
      expect(new Set(requestIds(order.cartId)).size).toBe(1);
      const cartReads = bot.sandbox.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/carts/${order.cartId}`));
      expect(cartReads.length).toBeGreaterThanOrEqual(1);
      expect(await ordersOfContoso(bot)).toBe(ordersBefore + 1);
      expect((await impatient.app.purchases.load(order.purchaseId))!.purchase.status).toBe('ordered');
    });
  });

  it('shows a business fault with its Partner Center code and correlation id, keeps the cart, and lets the rep try again', async () => {
    bot.sandbox.knobs.set({ businessFault: { count: 1, code: 900121, status: 400, on: 'checkout' } });
    const chat = newChat();
    const failed = await placeOrder(bot, chat);
    const purchase = (await bot.app.purchases.load(failed.purchaseId))!.purchase;
    expect(text(failed.answer)).toContain('Order not placed for Contoso Ltd');
    expect(text(failed.answer)).toContain('credit limit');
    expect(text(failed.answer)).toContain(`Code 900121 · correlation id ${purchase.correlationId}`);
    expect(adaptiveCardProblems(failed.answer)).toEqual([]);
    expect(purchase.status).toBe('failed');
    expect(purchase.lines).toHaveLength(1);

    const retry = actionsOf(failed.answer).get('cart.show')!;
    const again = (await bot.teams.execute(rep, chat, 'activity-1', 'cart.show', retry)).body.value;
    expect(actionsOf(again).has('cart.placeOrder')).toBe(true);
    const ordered = await placeOrder(bot, chat, again);
    expect(text(ordered.answer)).toContain('Order placed for Contoso Ltd');
    expect(ordered.cartId).toBe(failed.cartId);
    expect(statuses(failed.cartId)).toEqual([400, 201]);
  });

  it('shows Partner Center\'s own description for a code the bot has no text of its own for, with the ids support needs', async () => {
    const description = 'The promotion is no longer available for this customer';
    bot.sandbox.knobs.set({ businessFault: { count: 1, code: 800100, status: 400, on: 'checkout', description } });
    const failed = await placeOrder(bot, newChat());
    const purchase = (await bot.app.purchases.load(failed.purchaseId))!.purchase;
    expect(purchase.status).toBe('failed');
    expect(text(failed.answer)).toContain('Order not placed for Contoso Ltd');
    expect(text(failed.answer)).toContain(`Partner Center says: “${description}”`);
    expect(text(failed.answer)).not.toContain('Partner Center could not complete the request.');
    expect(text(failed.answer)).toContain(`Code 800100 · correlation id ${purchase.correlationId} · request id ${purchase.checkout!.checkoutRequestId}`);
    expect(adaptiveCardProblems(failed.answer)).toEqual([]);
  });

  it('shows partial success as such: the order that was placed and the order group that failed', async () => {
    const chat = newChat();
    const confirm = await driveTwoGroupsToConfirmation(bot, chat);
    bot.sandbox.knobs.set({ partialSuccess: { count: 1, orderGroup: '1', code: 800005 } });
    const order = await placeOrder(bot, chat, confirm);
    expect(text(order.answer)).toContain('Order partly placed for Contoso Ltd');
    expect(text(order.answer)).toContain('Order group 1 failed');
    expect(text(order.answer)).toContain('800005');
    expect(text(order.answer)).toMatch(/"Order [0-9a-f]{12}"/);
    expect(checkoutsOf(bot.sandbox.requests, order.cartId).map((r) => r.status)).toEqual([201]);
    expect((await bot.app.purchases.load(order.purchaseId))!.purchase.status).toBe('ordered');
  });
});

describe('a checkout slower than the click may wait', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    // The same race as in production (answer budget 800 ms, a 20 s checkout), scaled down 40×.
    bot = await startBotUnderTest({ answerBudgetMs: 20 });
  });
  afterAll(() => bot.stop());

  it('answers the click with progress, then replaces the card when Partner Center finishes', async () => {
    const chat = newChat();
    const confirm = await driveToConfirmation(bot, rep, chat);
    bot.sandbox.knobs.set({ latency: { ms: 500, pathPattern: '/checkout$' } });
    const order = await placeOrder(bot, chat, confirm);
    expect(text(order.answer)).toContain('Placing the order…');
    expect(text(order.answer)).toContain('Started by Rita Rep');
    expect((await bot.app.purchases.load(order.purchaseId))!.purchase.status).toBe('checking_out');

    await bot.app.background.idle();
    const updates = bot.connector.calls.filter((c) => c.conversationId === chat.id && c.method === 'PUT' && c.activityId === 'activity-1');
    const lastTwo = updates.slice(-2).map((c) => text(c.body));
    expect(lastTwo[0]).toContain('Placing the order…');
    expect(lastTwo[1]).toContain('Order placed for Contoso Ltd');
    expect(checkoutsOf(bot.sandbox.requests, order.cartId).map((r) => r.status)).toEqual([201]);
    expect((await bot.app.purchases.load(order.purchaseId))!.purchase.status).toBe('ordered');
  });
  it('keeps the running checkout\'s order when another instance resumes the same purchase meanwhile, ordering once', async () => {
    const chat = newChat();
    const confirm = await driveToConfirmation(bot, rep, chat);
    const ordersBefore = await ordersOfContoso(bot);
    bot.sandbox.knobs.set({ latency: { ms: 2_000, pathPattern: '/checkout$' } });
    const order = await placeOrder(bot, chat, confirm);
    expect(text(order.answer)).toContain('Placing the order…');

    // A second instance starts while the first one's checkout is still at Partner Center, and resumes it too:
    // its repeat under the same MS-RequestId gets the first one's answer, and neither overwrites the other.
    await withAnotherInstance(bot, { storage: bot.storage, answerBudgetMs: 20 }, async (restarted) => {
      await Promise.all([bot.app.background.idle(), restarted.app.background.idle()]);
      const checkouts = checkoutsOf(bot.sandbox.requests, order.cartId);
      expect(checkouts.map((r) => r.status)).toEqual([201, 201]);
      expect(new Set(checkouts.map((r) => r.headers['ms-requestid'])).size).toBe(1);
      const stored = (await restarted.app.purchases.load(order.purchaseId))!.purchase;
      expect(stored.status).toBe('ordered');
      expect(stored.checkout?.unknown).toBeUndefined();
      expect(await ordersOfContoso(bot)).toBe(ordersBefore + 1);
      const last = bot.connector.calls.filter((c) => c.conversationId === chat.id && c.method === 'PUT' && c.activityId === 'activity-1').at(-1);
      expect(text(last!.body)).toContain('Order placed for Contoso Ltd');
    });
  });
});
