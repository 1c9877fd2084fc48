import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, text, type Card } from './card-helpers';

const rep: TeamsUser = { id: '29:open-rep', aadObjectId: 'b0000000-0000-4000-8000-0000000000a1', name: 'Oona Open', tenantId: 'partner-tenant' };

/**
 * `cancel` acts on the rep's open purchase in the conversation, whatever its kind: the one started last.
 * (It used to know carts only: after `new cart` and `add-on` it cancelled the cart and left the add-on
 * open, and after `add-on` alone it answered that no cart was in progress.)
 */
describe('the open purchase of a conversation', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(() => bot.stop());

  /** What the bot posted in answer to one message: its cards and its texts. */
  const send = async (chat: TeamsConversation, words: string) => {
    const before = bot.connector.calls.length;
    expect(await bot.teams.message(rep, chat, words)).toBe(200);
    const posted = bot.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === chat.id);
    const cards = posted.flatMap((c) => ((c.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content));
    return { cards, texts: posted.map((c) => String(c.body.text ?? '')) };
  };
  const click = async (chat: TeamsConversation, verb: string, data: Record<string, unknown>) => {
    const response = await bot.teams.execute(rep, chat, 'activity-1', verb, data);
    expect(response.status).toBe(200);
    return response.body.value as Card;
  };

  it('cancels the add-on started after a cart, and leaves the cart as it was', async () => {
    const chat: TeamsConversation = { id: 'a:open-cart-then-addon', conversationType: 'personal' };
    const [cartCard] = (await send(chat, 'new cart')).cards;
    const [addOnCard] = (await send(chat, 'add-on')).cards;

    const cancelled = await send(chat, 'cancel');
    expect(cancelled.cards.map(text).join('\n')).toContain('Add-on cancelled');
    expect(cancelled.cards.map(text).join('\n')).not.toContain('Cart cancelled');

    // The add-on's own card now shows it cancelled; the cart still takes the rep's next step.
    const staleAddOn = await click(chat, 'addon.searchCustomer', { ...actionsOf(addOnCard).get('addon.searchCustomer')!, query: 'Contoso' });
    expect(text(staleAddOn)).toContain('Add-on cancelled');
    const cartSearch = await click(chat, 'cart.searchCustomer', { ...actionsOf(cartCard).get('cart.searchCustomer')!, query: 'Contoso' });
    expect(text(cartSearch)).toContain('Contoso');
    expect(text(cartSearch)).not.toContain('Cart cancelled');
  });

  it('cancels an add-on started on its own instead of answering that no cart is in progress', async () => {
    const chat: TeamsConversation = { id: 'a:open-addon-only', conversationType: 'personal' };
    await send(chat, 'add-on');
    const cancelled = await send(chat, 'cancel');
    expect(cancelled.texts.join('\n')).not.toContain('no cart in progress');
    expect(cancelled.cards.map(text).join('\n')).toContain('Add-on cancelled');

    // Nothing is open any more: a second `cancel` says so.
    const again = await send(chat, 'cancel');
    expect(again.cards).toEqual([]);
    expect(again.texts.join('\n')).toContain('to cancel');
  });
});
