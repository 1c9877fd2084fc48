import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { cardDateTime } from '../../../src/i18n/card-time';
import { actionsOf, detailTexts, GUID, linksOf, text, visibleTexts } from '../bot/card-helpers';
import { clicksOn } from '../bot/drive-to-confirmation';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { checkoutsOf, newChat, placeOrder, rep } from './checkout-faults';

/**
 * What a refused checkout shows, through the whole bot over HTTP: the code, correlation id and request id
 * support needs on every failure card, "Started by" where nothing was ordered, and a way on that can work.
 */
describe('failure cards', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterEach(() => bot.sandbox.knobs.reset());
  afterAll(() => bot.stop());

  const purchaseOf = async (id: string) => (await bot.app.purchases.load(id))!.purchase;

  it('shows every failed order group with its code, the correlation id and the request id, and no "Ordered by"', async () => {
    bot.sandbox.knobs.set({ partialSuccess: { count: 1, orderGroup: '0', code: 800005 } });
    const order = await placeOrder(bot, newChat());
    const purchase = await purchaseOf(order.purchaseId);
    expect(purchase.status).toBe('failed');
    expect(text(order.answer)).toContain('Order not placed for Contoso Ltd');
    expect(text(order.answer)).toContain('Order group 0 failed');
    // Code, correlation id, request id and cart under "Details"; the time in the reader's zone.
    expect(detailTexts(order.answer)).toContain(`Code 800005 · correlation id ${purchase.correlationId} · request id ${purchase.checkout!.checkoutRequestId}`);
    expect(detailTexts(order.answer)).toContain(`Partner Center cart ${order.cartId}`);
    expect(visibleTexts(order.answer)).toContain(`Started by Rita Rep · ${cardDateTime(purchase.checkout!.startedAt)}`);
    expect(visibleTexts(order.answer).join(' ')).not.toMatch(GUID);
    expect(text(order.answer)).not.toContain('Ordered by');
    expect(adaptiveCardProblems(order.answer)).toEqual([]);
  });

  it('offers a new cart with the same lines when Partner Center no longer has the cart (800008), not a looping "Try again"', async () => {
    bot.sandbox.knobs.set({ businessFault: { count: 1, code: 800008, status: 404, on: 'checkout' } });
    const chat = newChat();
    const order = await placeOrder(bot, chat);
    const refused = await purchaseOf(order.purchaseId);
    expect(text(order.answer)).toContain('The cart no longer exists or has expired');
    expect(detailTexts(order.answer)).toContain(`Code 800008 · correlation id ${refused.correlationId} · request id ${refused.checkout!.checkoutRequestId}`);
    expect(actionsOf(order.answer).has('cart.show')).toBe(false);
    expect(text(order.answer)).toContain('Start a new cart with these lines');

    // A double click makes one new cart.
    const restart = actionsOf(order.answer).get('cart.restartWithLines')!;
    const purchasesBefore = (await bot.app.purchases.listIds()).length;
    const answers = await Promise.all([1, 2].map(async () => (await bot.teams.execute(rep, chat, 'activity-1', 'cart.restartWithLines', restart)).body.value));
    expect(await bot.app.purchases.listIds()).toHaveLength(purchasesBefore + 1);
    const draft = answers.find((card) => actionsOf(card).has('cart.review'))!;
    const click = clicksOn(bot, rep, chat, draft);
    expect(text(draft)).toContain('Contoso Ltd');
    expect(text(draft)).toContain('2 × Microsoft 365 Business Basic');
    const fresh = String(actionsOf(draft).get('cart.review')!.purchaseId);
    expect(fresh).not.toBe(order.purchaseId);
    expect((await purchaseOf(order.purchaseId)).status).toBe('cancelled');

    const review = await click('cart.review');
    const ordered = await placeOrder(bot, chat, review);
    expect(text(ordered.answer)).toContain('Order placed for Contoso Ltd');
    expect(ordered.cartId).not.toBe(order.cartId);
    expect(checkoutsOf(bot.sandbox.requests, ordered.cartId).map((r) => r.status)).toEqual([201]);
  });

  it('explains a customer without the Microsoft Customer Agreement (13605) and offers no "Try again" that would be refused the same way', async () => {
    bot.sandbox.knobs.set({ businessFault: { count: 1, code: 13605, status: 400, on: 'checkout' } });
    const order = await placeOrder(bot, newChat());
    const refused = await purchaseOf(order.purchaseId);
    expect(refused.status).toBe('failed');
    const visible = visibleTexts(order.answer);
    expect(visible).toContain('Nothing was bought.');
    expect(visible).toContain('The customer has not accepted the Microsoft Customer Agreement. Get their acceptance before buying.');
    expect(visible.find((line) => line.startsWith('Contoso Ltd has not accepted the Microsoft Customer Agreement'))).toBeDefined();
    expect(visible.join(' ')).not.toMatch(GUID);
    expect(actionsOf(order.answer).has('cart.show')).toBe(false);
    expect(text(order.answer)).not.toContain('Try again');
    expect(detailTexts(order.answer)).toContain(`Code 13605 · correlation id ${refused.correlationId} · request id ${refused.checkout!.checkoutRequestId}`);
    expect(linksOf(order.answer)).toEqual([{ title: 'Customer account', url: `https://partner.microsoft.com/dashboard/commerce2/customers/${refused.customer!.id}/account` }]);
    expect(adaptiveCardProblems(order.answer)).toEqual([]);
  });
});
