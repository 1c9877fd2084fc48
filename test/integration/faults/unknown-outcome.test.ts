import { resultCard } from '../../../src/flows/purchase/views/result-card';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { click, say, type TourParty } from '../../support/purchase-tour';
import { actionsOf, detailTexts, GUID, linksOf, text, visibleTexts, type Card } from '../bot/card-helpers';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { startClockedWorld, type ClockedWorld } from '../harness/clocked-world';
import { checkoutsOf, newChat, placeOrder, rep } from './checkout-faults';
import { CONTOSO_E3_SUBSCRIPTION_ID, CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const MY_ANALYTICS = '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59';
const BUSINESS_PREMIUM = '031C9E47-4802-4248-838E-778FB1D2CC05';
/** The bot gives up a call after two attempts, so a test can lose every answer with a few dropped connections. */
const IMPATIENT = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 };
const FIRST_CHECK_MS = 5_000;

/**
 * Order placements whose answer never reaches the bot, through the whole bot over HTTP: the rep is told
 * that the bot is checking, never that nothing was bought; the outcome resolver finds the order (by
 * repeating the request under the same MS-RequestId, or by looking it up), across a restart, and gives
 * up only to a card that says the order is not confirmed and carries the ids to look it up.
 */
describe('an order placement whose answer is lost', () => {
  let world: ClockedWorld;
  let clock: ClockedWorld['clock'];
  let connector: ClockedWorld['connector'];
  let sandbox: ClockedWorld['sandbox'];
  let bot: BotUnderTest;
  beforeAll(async () => {
    world = await startClockedWorld();
    ({ clock, connector, sandbox } = world);
  });
  beforeEach(async () => {
    // Far enough from the previous test that an order lookup cannot confuse its orders with this one's.
    clock.advance(60 * 60_000);
    // `new order` is an admin's tool: the rep is also an approver (no APPROVAL_THRESHOLD, so approvals stay off).
    bot = await startBotUnderTest({ sandbox, connector, timer: clock, partnerCenterRetry: IMPATIENT, env: { APPROVER_IDS: rep.aadObjectId } });
  });
  afterEach(async () => {
    sandbox.knobs.reset();
    await bot.stop();
  });
  afterAll(() => world.stop());

  const later = async (ms: number, on = bot) => {
    clock.advance(ms);
    await on.app.background.idle();
  };
  const statusOf = async (purchaseId: string, on = bot) => (await on.app.purchases.load(purchaseId))!.purchase.status;
  const lastUpdate = (chatId: string, activityId = 'activity-1'): Card => {
    const update = connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === chatId && c.activityId === activityId).at(-1);
    return (update?.body.attachments as { content: Card }[])[0].content;
  };
  /** Partner Center as the partner sees it outside the bot (a user token: checkout refuses app-only ones). */
  const partnerCenter = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
    fetch(`${sandbox.baseUrl}${path}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${sandbox.issueToken('app+user')}` } });
  const ordersOfContoso = async () =>
    ((await (await partnerCenter(`/v1/customers/${CONTOSO_ID}/orders`)).json()) as { items: { id: string }[] }).items;
  const expectNoFalseFailure = (card: Card) => {
    expect(text(card)).not.toContain('Nothing was bought');
    expect(text(card)).not.toContain('Order not placed');
    expect(actionsOf(card).has('cart.show')).toBe(false);
  };

  it('says it is checking, then shows the order the checkout repeated under the same MS-RequestId returns', async () => {
    const before = (await ordersOfContoso()).length;
    // Both attempts of the checkout and both of its in-turn repeat are processed and their answers lost.
    sandbox.knobs.set({ dropConnections: { count: 4, pathPattern: '/checkout$', afterProcessing: true } });
    const order = await placeOrder(bot, newChat());
    expect(text(order.answer)).toContain('Checking with Partner Center…');
    expect(text(order.answer)).toContain('No answer from Partner Center');
    expect(text(order.answer)).toMatch(/correlation id [0-9a-f-]{36} · request id [0-9a-f-]{36}/);
    expectNoFalseFailure(order.answer);
    expect(adaptiveCardProblems(order.answer)).toEqual([]);
    expect(await statusOf(order.purchaseId)).toBe('outcome_unknown');
    expect(await ordersOfContoso()).toHaveLength(before + 1);

    await later(FIRST_CHECK_MS);
    expect(await statusOf(order.purchaseId)).toBe('ordered');
    const [placed] = (await ordersOfContoso()).slice(before);
    expect(text(lastUpdate(order.chat.id))).toContain('Order placed for Contoso Ltd');
    expect(text(lastUpdate(order.chat.id))).toContain(`Order ${placed.id}`);
    expect(await ordersOfContoso()).toHaveLength(before + 1);
    const checkouts = checkoutsOf(sandbox.requests, order.cartId);
    expect(checkouts.map((r) => r.status)).toEqual([0, 0, 0, 0, 201]);
    expect(new Set(checkouts.map((r) => r.headers['ms-requestid'])).size).toBe(1);
  });

  it('picks the open question up after a restart and answers it there', async () => {
    sandbox.knobs.set({ dropConnections: { count: 4, pathPattern: '/checkout$', afterProcessing: true } });
    const order = await placeOrder(bot, newChat());
    expect(await statusOf(order.purchaseId)).toBe('outcome_unknown');
    await bot.stop();

    bot = await startBotUnderTest({ sandbox, connector, timer: clock, partnerCenterRetry: IMPATIENT, storage: bot.storage, env: { APPROVER_IDS: rep.aadObjectId } });
    await later(FIRST_CHECK_MS);
    expect(await statusOf(order.purchaseId)).toBe('ordered');
    expect(text(lastUpdate(order.chat.id))).toContain('Order placed for Contoso Ltd');
    expect(checkoutsOf(sandbox.requests, order.cartId).filter((r) => r.status === 201)).toHaveLength(1);
  });

  it('finds the order among the customer\'s orders when the repeated checkout gets no answer either', async () => {
    const before = (await ordersOfContoso()).length;
    // The checkout and its in-turn repeat, then the resolver's repeat and its own in-turn repeat: all lost.
    sandbox.knobs.set({ dropConnections: { count: 8, pathPattern: '/checkout$', afterProcessing: true } });
    const order = await placeOrder(bot, newChat());
    await later(FIRST_CHECK_MS);
    expect(await statusOf(order.purchaseId)).toBe('ordered');
    const [placed] = (await ordersOfContoso()).slice(before);
    expect(text(lastUpdate(order.chat.id))).toContain(`Order ${placed.id}`);
    expect(checkoutsOf(sandbox.requests, order.cartId).every((r) => r.status === 0)).toBe(true);
    expect(sandbox.requests.some((r) => r.method === 'GET' && r.path === `/v1/customers/${CONTOSO_ID}/orders`)).toBe(true);
  });

  it('gives up after an hour to "not confirmed" with the ids to look the order up, never "nothing was bought"', async () => {
    const before = (await ordersOfContoso()).length;
    sandbox.knobs.set({ dropConnections: { count: 1000, pathPattern: '/checkout$' } });
    const order = await placeOrder(bot, newChat());
    expect(text(order.answer)).toContain('Checking with Partner Center…');
    for (let minutes = 0; minutes < 70; minutes += 5) await later(5 * 60_000);
    const purchase = (await bot.app.purchases.load(order.purchaseId))!.purchase;
    expect(purchase.status).toBe('unconfirmed');
    const card = lastUpdate(order.chat.id);
    expect(text(card)).toContain('Order not confirmed for Contoso Ltd');
    // Plain words in the body; the ids support and the portal need under "Details", and a link to the customer's orders.
    expect(visibleTexts(card).join('\n')).toContain('check the orders of Contoso Ltd in Partner Center.');
    expect(visibleTexts(card).filter((block) => GUID.test(block) || block.includes(order.cartId))).toEqual([]);
    const details = detailTexts(card);
    expect(details).toContain(`Customer ${CONTOSO_ID}`);
    expect(details).toContain(`Partner Center cart ${order.cartId}`);
    expect(details).toContain(`Purchase ${purchase.id} · correlation id ${purchase.correlationId}`);
    expect(details.join('\n')).toContain(`No answer from Partner Center (`);
    expect(details.join('\n')).toContain(`correlation id ${purchase.correlationId} · request id ${purchase.checkout!.checkoutRequestId}`);
    expect(text(card)).toMatch(/"type":"Action.ToggleVisibility","title":"Details"/);
    expect(linksOf(card)).toEqual([{ title: 'Open in Partner Center', url: `https://partner.microsoft.com/dashboard/commerce2/customers/${CONTOSO_ID}/orders` }]);
    expectNoFalseFailure(card);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(await ordersOfContoso()).toHaveLength(before);
  });

  it('is a failure only when Partner Center\'s own answer, heard on the repeat, is a refusal', async () => {
    sandbox.knobs.set({
      businessFault: { count: 1, code: 900121, status: 400, on: 'checkout' },
      dropConnections: { count: 2, pathPattern: '/checkout$', afterProcessing: true },
    });
    const order = await placeOrder(bot, newChat());
    expect(text(order.answer)).toContain('Checking with Partner Center…');
    await later(FIRST_CHECK_MS);
    const purchase = (await bot.app.purchases.load(order.purchaseId))!.purchase;
    expect(purchase.status).toBe('failed');
    const card = lastUpdate(order.chat.id);
    expect(text(card)).toContain('Order not placed for Contoso Ltd');
    expect(text(card)).toContain(`Code 900121 · correlation id ${purchase.correlationId} · request id ${purchase.checkout!.checkoutRequestId}`);
    expect(text(card)).toContain('Started by Rita Rep');
    expect(text(card)).not.toContain('Ordered by');
  });

  it('watches an order Partner Center says is still in progress (800060) instead of offering to try again', async () => {
    sandbox.knobs.set({ businessFault: { count: 1, code: 800060, status: 409, on: 'checkout' } });
    const order = await placeOrder(bot, newChat());
    expect(text(order.answer)).toContain('Partner Center is still processing the order for Contoso Ltd');
    expect(text(order.answer)).toContain('Code 800060');
    expectNoFalseFailure(order.answer);
    await later(FIRST_CHECK_MS);
    expect(await statusOf(order.purchaseId)).toBe('ordered');
    expect(text(lastUpdate(order.chat.id))).toContain('Order placed for Contoso Ltd');
  });

  it('asks again itself when another request was checking the cart out (409 800064), as after a restart that request may be gone', async () => {
    const before = (await ordersOfContoso()).length;
    sandbox.knobs.set({ businessFault: { count: 1, code: 800064, status: 409, on: 'checkout' } });
    const order = await placeOrder(bot, newChat());
    expect(text(order.answer)).toContain('Checking with Partner Center…');
    expect(text(order.answer)).toContain('Code 800064');
    expectNoFalseFailure(order.answer);
    expect(adaptiveCardProblems(order.answer)).toEqual([]);
    expect(await statusOf(order.purchaseId)).toBe('outcome_unknown');

    await later(FIRST_CHECK_MS);
    expect(await statusOf(order.purchaseId)).toBe('ordered');
    expect(text(lastUpdate(order.chat.id))).toContain('Order placed for Contoso Ltd');
    expect(await ordersOfContoso()).toHaveLength(before + 1);
    const checkouts = checkoutsOf(sandbox.requests, order.cartId);
    expect(checkouts.map((r) => r.status)).toEqual([409, 201]);
    expect(new Set(checkouts.map((r) => r.headers['ms-requestid'])).size).toBe(1);
  });

  it('takes 800065 ("already submitted") on a cart of ours as ordered and collects that order', async () => {
    // A checkout another request was running (409 800064) completes at Partner Center, unseen by the bot…
    sandbox.knobs.set({ businessFault: { count: 1, code: 800064, status: 409, on: 'checkout' } });
    const chat = newChat();
    const before = (await ordersOfContoso()).length;
    const order = await placeOrder(bot, chat);
    const loaded = (await bot.app.purchases.load(order.purchaseId))!;
    const checkout = await partnerCenter(`/v1/customers/${CONTOSO_ID}/carts/${order.cartId}/checkout`, {
      method: 'POST', headers: { 'MS-RequestId': loaded.purchase.checkout!.checkoutRequestId },
    });
    expect(checkout.status).toBe(201);
    // …and the purchase is stored as failed, as the bot did before unknown outcomes had their own state.
    const failure = { httpStatus: 409, code: 800064, description: 'being processed', messageKey: 'pc.800064' };
    const stale = await bot.app.purchases.save(loaded, { ...loaded.purchase, status: 'failed', checkout: { ...loaded.purchase.checkout!, failure } }, {
      action: 'checkout.failed', actor: loaded.purchase.owner,
    });

    // "Try again" checks out under new MS-RequestIds: the PUT of the ordered cart is refused with 800065.
    const again = (await bot.teams.execute(rep, chat, 'activity-1', 'cart.show', actionsOf(resultCard(stale.purchase)).get('cart.show')!)).body.value;
    const retried = await placeOrder(bot, chat, again);
    const puts = sandbox.requests.filter((r) => r.method === 'PUT' && r.path.endsWith(`/carts/${order.cartId}`));
    expect(puts.at(-1)!.status).toBe(400);
    expect(text(retried.answer)).toContain('Checking with Partner Center…');
    expect(text(retried.answer)).toContain('Code 800065');
    expectNoFalseFailure(retried.answer);

    await later(FIRST_CHECK_MS);
    expect(await statusOf(order.purchaseId)).toBe('ordered');
    expect(text(lastUpdate(chat.id))).toContain('Order placed for Contoso Ltd');
    expect(await ordersOfContoso()).toHaveLength(before + 1);
  });

  describe('orders (POST /orders) and legacy add-ons (PATCH of the base order)', () => {
    const party = (): TourParty => ({ bot, rep, chat: newChat(), locale: 'en-US' });
    const lastUpdateOf = (p: TourParty) => lastUpdate(p.chat.id, 'tour-card');

    async function orderConfirmation(p: TourParty): Promise<Card> {
      const found = await click(p, await say(p, 'new order'), 'order.searchCustomer', { query: 'Contoso' });
      const draft = await click(p, found, 'order.pickCustomer', { customerId: CONTOSO_ID });
      const withLine = await click(p, draft, 'order.addLine', { offerId: BUSINESS_PREMIUM, quantity: '3', billingCycle: 'monthly' });
      return click(p, await click(p, withLine, 'order.review', { billingCycle: 'monthly' }), 'cart.confirm');
    }

    async function addOnConfirmation(p: TourParty): Promise<Card> {
      const found = await click(p, await say(p, 'add-on'), 'addon.searchCustomer', { query: 'Contoso' });
      const subscriptions = await click(p, found, 'addon.pickCustomer', {}, ['customerId', CONTOSO_ID]);
      const addOns = await click(p, subscriptions, 'addon.pickSubscription', {}, ['subscriptionId', CONTOSO_E3_SUBSCRIPTION_ID]);
      return click(p, addOns, 'addon.pickAddOn', {}, ['addOnId', MY_ANALYTICS]);
    }

    const postsOfOrders = () => sandbox.requests.filter((r) => r.method === 'POST' && r.path === `/v1/customers/${CONTOSO_ID}/orders`);
    const addOnSubscriptions = async () =>
      ((await (await partnerCenter(`/v1/customers/${CONTOSO_ID}/subscriptions`)).json()) as { items: { parentSubscriptionId?: string }[] })
        .items.filter((s) => s.parentSubscriptionId === CONTOSO_E3_SUBSCRIPTION_ID).length;

    it('repeats a POST /orders whose answers were lost under the same MS-RequestId and shows the one order', async () => {
      const p = party();
      const confirm = await orderConfirmation(p);
      const before = (await ordersOfContoso()).length;
      const postsBefore = postsOfOrders().length;
      sandbox.knobs.set({ dropConnections: { count: 2, pathPattern: `/customers/${CONTOSO_ID}/orders$`, afterProcessing: true } });
      const answer = await click(p, confirm, 'cart.placeOrder', { attestPartnerOfRecord: 'true' });
      expect(text(answer)).toContain('Checking with Partner Center…');
      expectNoFalseFailure(answer);
      await later(FIRST_CHECK_MS);
      expect(text(lastUpdateOf(p))).toContain('Order placed for Contoso Ltd');
      expect(await ordersOfContoso()).toHaveLength(before + 1);
      expect(new Set(postsOfOrders().slice(postsBefore).map((r) => r.headers['ms-requestid'])).size).toBe(1);
    });

    it('looks a POST /orders up among the customer\'s orders when the repeat is lost too', async () => {
      const p = party();
      const confirm = await orderConfirmation(p);
      const before = (await ordersOfContoso()).length;
      sandbox.knobs.set({ dropConnections: { count: 4, pathPattern: `/customers/${CONTOSO_ID}/orders$`, afterProcessing: true } });
      await click(p, confirm, 'cart.placeOrder', { attestPartnerOfRecord: 'true' });
      await later(FIRST_CHECK_MS);
      const [placed] = (await ordersOfContoso()).slice(before);
      expect(text(lastUpdateOf(p))).toContain(`Order ${placed.id}`);
      expect(await ordersOfContoso()).toHaveLength(before + 1);
    });

    it('repeats a lost add-on PATCH, then finds the add-on among the subscriptions when the repeat is lost too', async () => {
      for (const drops of [2, 4]) {
        const p = party();
        const confirm = await addOnConfirmation(p);
        const before = await addOnSubscriptions();
        sandbox.knobs.set({ dropConnections: { count: drops, pathPattern: '/orders/[^/]+$', afterProcessing: true } });
        const answer = await click(p, confirm, 'addon.buy', { quantity: '2', attest: 'true' });
        expect(text(answer)).toContain('Checking with Partner Center…');
        expectNoFalseFailure(answer);
        await later(FIRST_CHECK_MS);
        expect(text(lastUpdateOf(p))).toContain('Order placed for Contoso Ltd');
        expect(await addOnSubscriptions()).toBe(before + 1);
        clock.advance(60 * 60_000);
      }
    });
  });
});
