import { actionsOf, text } from '../bot/card-helpers';
import { driveToConfirmation } from '../bot/drive-to-confirmation';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { checkoutsOf, newChat, rep } from './checkout-faults';
import { partnerCenterCart } from '../../../src/flows/purchase/purchase';

/**
 * A whole purchase while the Bot Connector refuses requests the way Teams does under load: every
 * refused send or update is retried, and the conversation ends up with each message exactly once.
 */
describe('a purchase while the Bot Connector answers 429, 412 and 502', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    // Checkout outlasts the answer budget, so its result reaches Teams as a proactive update.
    bot = await startBotUnderTest({ answerBudgetMs: 20 });
  });
  afterAll(() => bot.stop());

  it('completes with no duplicate message and one checkout', async () => {
    const chat = newChat();
    const inChat = (method: string) => bot.connector.attempts.filter((a) => a.conversationId === chat.id && a.method === method);

    // The reply to "new cart" is throttled once; Teams says when to come back.
    bot.connector.failNext({ count: 1, status: 429, retryAfterSeconds: 1, conversationId: chat.id, method: 'POST' });
    // The first card update for everyone hits a concurrency error, then a gateway error on its retry
    // (with Retry-After 0 to keep the test quick; backoff timing is covered in connector-gateway.test.ts).
    bot.connector.failNext({ count: 1, status: 412, retryAfterSeconds: 0, conversationId: chat.id, method: 'PUT' });
    bot.connector.failNext({ count: 1, status: 502, retryAfterSeconds: 0, conversationId: chat.id, method: 'PUT' });
    const confirm = await driveToConfirmation(bot, rep, chat);

    const posts = inChat('POST');
    expect(posts.map((a) => a.status)).toEqual([429, 201]);
    expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(1000);
    expect(inChat('PUT').slice(0, 3).map((a) => a.status)).toEqual([412, 502, 200]);

    // The proactive update with the result is refused twice before it lands.
    bot.connector.failNext({ count: 1, status: 502, conversationId: chat.id, bodyContains: 'Order placed' });
    bot.connector.failNext({ count: 1, status: 429, retryAfterSeconds: 0, conversationId: chat.id, bodyContains: 'Order placed' });
    bot.sandbox.knobs.set({ latency: { ms: 200, pathPattern: '/checkout$' } });
    const place = actionsOf(confirm).get('cart.placeOrder')!;
    const answer = await bot.teams.execute(rep, chat, 'activity-1', 'cart.placeOrder', { ...place, attestPartnerOfRecord: 'true' });
    expect(text(answer.body.value)).toContain('Placing the order…');
    await bot.app.background.idle();
    bot.sandbox.knobs.reset();

    expect(bot.connector.pendingFaults).toBe(0);
    const accepted = bot.connector.calls.filter((c) => c.conversationId === chat.id);
    expect(accepted.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(accepted.filter((c) => text(c.body).includes('Order placed'))).toHaveLength(1);
    expect(accepted.some((c) => text(c.body).includes('Please try again'))).toBe(false);
    expect(text(accepted[accepted.length - 1].body)).toContain('Order placed for Contoso Ltd');
    // Every accepted update replaced the one card in place.
    expect(new Set(accepted.filter((c) => c.method === 'PUT').map((c) => c.activityId))).toEqual(new Set(['activity-1']));
    const purchase = (await bot.app.purchases.load(String(place.purchaseId)))!.purchase;
    expect(purchase.status).toBe('ordered');
    expect(checkoutsOf(bot.sandbox.requests, partnerCenterCart(purchase)!.id!).map((r) => r.status)).toEqual([201]);
  });
});
