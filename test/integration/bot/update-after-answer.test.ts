import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, text, type Card } from './card-helpers';
import { driveToConfirmation, startCart } from './drive-to-confirmation';

const rep: TeamsUser = { id: '29:update-after-answer', aadObjectId: '55555555-5555-4555-8555-555555555501', name: 'Una Update', tenantId: 'partner-tenant' };

/**
 * Teams waits on an invoke's answer, not on the PUT that replaces the card message for everyone else in
 * the conversation: the bot answers first and updates the message afterwards, before any follow-up work.
 */
describe('the card message is updated for everyone after the invoke is answered', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(() => bot.stop());

  const updatesIn = (chat: TeamsConversation) => bot.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === chat.id);
  const cardOf = (body: Record<string, unknown>) => (body.attachments as { content: Card }[])[0]!.content;

  it('answers a click while the Bot Connector has not yet taken the update, then sends the answered card to everyone', async () => {
    const chat: TeamsConversation = { id: 'a:update-after-answer-1', conversationType: 'personal' };
    const click = await startCart(bot, rep, chat);
    await bot.app.background.idle();
    const before = updatesIn(chat).length;
    const held = bot.connector.holdUpdates(chat.id);

    const answer = await click('cart.searchCustomer', { query: 'Contoso Ltd' });
    expect(text(answer)).toContain('Contoso Ltd');
    expect(updatesIn(chat)).toHaveLength(before);

    held.release();
    await bot.app.background.idle();
    const updates = updatesIn(chat).slice(before);
    expect(updates.map((u) => u.activityId)).toEqual(['activity-1']);
    expect(cardOf(updates[0]!.body)).toEqual(answer);
  });

  /**
   * A second bot with no answer budget, on the same sandbox and connector: "Place order" is answered with
   * the progress card and the checkout runs after it. `use` gets a cart at its confirmation card and the
   * click on "Place order"; the bot's background work is done when this resolves.
   */
  async function withImpatientBot(chatId: string, use: (placeOrder: () => Promise<Card>) => Promise<void>): Promise<void> {
    const impatient = await startBotUnderTest({ answerBudgetMs: 0, sandbox: bot.sandbox, connector: bot.connector });
    try {
      const chat: TeamsConversation = { id: chatId, conversationType: 'personal' };
      const place = actionsOf(await driveToConfirmation(impatient, rep, chat)).get('cart.placeOrder')!;
      await impatient.app.background.idle();
      await use(async () => (await impatient.teams.execute(rep, chat, 'activity-1', 'cart.placeOrder', { ...place, attestPartnerOfRecord: 'true' })).body.value);
      await impatient.app.background.idle();
    } finally {
      await impatient.stop();
    }
  }

  it('sends the order placed by the follow-up work only after the progress card the click was answered with', async () => {
    const chat: TeamsConversation = { id: 'a:update-after-answer-2', conversationType: 'personal' };
    let before = 0;
    let answer: Card = {};
    await withImpatientBot(chat.id, async (placeOrder) => {
      before = updatesIn(chat).length;
      const held = bot.connector.holdUpdates(chat.id);
      answer = await placeOrder();
      expect(text(answer)).not.toContain('Order placed');
      expect(updatesIn(chat)).toHaveLength(before);
      held.release();
    });
    const shown = updatesIn(chat).slice(before).map((u) => cardOf(u.body));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown[0]).toEqual(answer);
    expect(text(shown.at(-1)!)).toContain('Order placed for Contoso Ltd');
  });

  it('still runs the follow-up work when the update for everyone is refused', async () => {
    const chat: TeamsConversation = { id: 'a:update-after-answer-3', conversationType: 'personal' };
    let answer: Card = {};
    await withImpatientBot(chat.id, async (placeOrder) => {
      // 400 is not retried: the progress card's update is lost, the order placed still replaces it.
      bot.connector.failNext({ count: 1, status: 400, method: 'PUT', conversationId: chat.id });
      answer = await placeOrder();
    });
    const refused = bot.connector.attempts.filter((a) => a.conversationId === chat.id && a.status === 400);
    expect(refused.map((a) => cardOf(a.body))).toEqual([answer]);
    expect(text(cardOf(updatesIn(chat).at(-1)!.body))).toContain('Order placed for Contoso Ltd');
  });
});
