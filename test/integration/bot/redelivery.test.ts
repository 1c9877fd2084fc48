import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation } from '../harness/teams-client';
import { checkoutsOf, newChat, placeOrder, rep, withAnotherInstance } from '../faults/checkout-faults';
import { actionsOf, buttonData, text, type Card } from './card-helpers';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

/**
 * Teams redelivers an activity under the same id when its answer was slow or lost. Through the whole bot
 * over HTTP: the click is acted on once, and the redelivery gets the card as it stands, for the clicker
 * only, moving nothing.
 */
describe('a redelivered activity', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterEach(() => bot.sandbox.knobs.reset());
  afterAll(() => bot.stop());

  const updatesOf = (chat: TeamsConversation) => bot.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === chat.id).length;
  const postsIn = (chat: TeamsConversation) => bot.connector.cardsIn(chat.id).length;
  const versionOf = async (purchaseId: string) => (await bot.app.purchases.load(purchaseId))!.purchase.version;

  /** A new cart whose customer the rep selects with the click `activityId`: that click's data and answer. */
  async function selectCustomer(chat: TeamsConversation, activityId: string): Promise<{ purchaseId: string; pick: Record<string, unknown>; first: Card }> {
    await bot.teams.message(rep, chat, 'new cart');
    const start = bot.connector.cardsIn(chat.id).at(-1)!;
    const found = (await bot.teams.execute(rep, chat, 'activity-1', 'cart.searchCustomer', { ...actionsOf(start).get('cart.searchCustomer')!, query: 'Contoso' })).body.value;
    const button = buttonData(found, 'cart.pickCustomer', 'customerId', CONTOSO_ID);
    const pick = { ...button };
    const first = (await bot.teams.execute(rep, chat, 'activity-1', 'cart.pickCustomer', pick, activityId)).body.value;
    return { purchaseId: String(button.purchaseId), pick, first };
  }

  it('answers a redelivered "Select customer" with the product picker it produced, not an empty cart', async () => {
    const chat = newChat();
    const { purchaseId, pick, first } = await selectCustomer(chat, 'select-customer-click');
    const version = await versionOf(purchaseId);
    await bot.app.background.idle();
    const updates = updatesOf(chat);

    const again = await bot.teams.execute(rep, chat, 'activity-1', 'cart.pickCustomer', pick, 'select-customer-click');
    await bot.app.background.idle();
    expect(again.body.value).toEqual(first);
    expect(text(again.body.value)).not.toContain('No products yet');
    expect(await versionOf(purchaseId)).toBe(version);
    expect(updatesOf(chat)).toBe(updates);
  });

  it('answers a late redelivered "Try again" with the order placed since, not the confirmation', async () => {
    bot.sandbox.knobs.set({ businessFault: { count: 1, code: 900121, status: 400, on: 'checkout' } });
    const chat = newChat();
    const failed = await placeOrder(bot, chat);
    const retry = actionsOf(failed.answer).get('cart.show')!;
    const confirm = (await bot.teams.execute(rep, chat, 'activity-1', 'cart.show', retry, 'try-again-click')).body.value;
    const ordered = await placeOrder(bot, chat, confirm);
    expect(text(ordered.answer)).toContain('Order placed for Contoso Ltd');
    await bot.app.background.idle();
    const updates = updatesOf(chat);

    const late = (await bot.teams.execute(rep, chat, 'activity-1', 'cart.show', retry, 'try-again-click')).body.value;
    await bot.app.background.idle();
    expect(text(late)).toContain('Order placed for Contoso Ltd');
    expect(actionsOf(late).has('cart.placeOrder')).toBe(false);
    expect((await bot.app.purchases.load(failed.purchaseId))!.purchase.status).toBe('ordered');
    expect(updatesOf(chat)).toBe(updates);
    expect(checkoutsOf(bot.sandbox.requests, failed.cartId).map((r) => r.status)).toEqual([400, 201]);
  });

  it('starts one cart for a redelivered "new cart" message, and posts nothing the second time', async () => {
    const chat = newChat();
    const purchases = (await bot.app.purchases.listIds()).length;
    expect(await bot.teams.message(rep, chat, 'new cart', 'en-US', 'new-cart-message')).toBe(200);
    expect(await bot.teams.message(rep, chat, 'new cart', 'en-US', 'new-cart-message')).toBe(200);
    expect(await bot.app.purchases.listIds()).toHaveLength(purchases + 1);
    expect(postsIn(chat)).toBe(1);
  });

  it('recognises a redelivery that reaches another instance on the same storage', async () => {
    const chat = newChat();
    const { purchaseId, pick, first } = await selectCustomer(chat, 'select-customer-elsewhere');
    const version = await versionOf(purchaseId);
    await bot.app.background.idle();
    await withAnotherInstance(bot, { storage: bot.storage }, async (other) => {
      const updates = updatesOf(chat);
      const again = await other.teams.execute(rep, chat, 'activity-1', 'cart.pickCustomer', pick, 'select-customer-elsewhere');
      await other.app.background.idle();
      expect(again.body.value).toEqual(first);
      expect(await versionOf(purchaseId)).toBe(version);
      expect(updatesOf(chat)).toBe(updates);
    });
  });
});
