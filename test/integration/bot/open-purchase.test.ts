import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, text, type Card } from './card-helpers';
import { anna, APPROVAL_CHANNEL, personalChat, postsIn, rep as approvalRep, requestApprovalFor } from '../approval/approval-world';

const rep: TeamsUser = { id: '29:open-rep', aadObjectId: 'b0000000-0000-4000-8000-0000000000a1', name: 'Oona Open', tenantId: 'partner-tenant' };
const otherRep: TeamsUser = { id: '29:open-other', aadObjectId: 'b0000000-0000-4000-8000-0000000000a2', name: 'Otto Other', tenantId: 'partner-tenant' };

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
  const click = async (chat: TeamsConversation, verb: string, data: Record<string, unknown>, user = rep) => {
    const response = await bot.teams.execute(user, chat, 'activity-1', verb, data);
    expect(response.status).toBe(200);
    return response.body.value as Card;
  };
  /** Texts the bot posted into a conversation since `from` calls to the connector. */
  const textsSince = (chat: TeamsConversation, from: number) =>
    bot.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === chat.id).map((c) => String(c.body.text ?? ''));

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

  it('refuses a click on an older purchase while a newer one is open, pointing at it; the owner check comes first', async () => {
    const chat: TeamsConversation = { id: 'a:open-superseded', conversationType: 'personal' };
    const [cartCard] = (await send(chat, 'new cart')).cards;
    await send(chat, 'add-on');
    const button = actionsOf(cartCard).get('cart.searchCustomer')!;
    const search = { ...button, query: 'Contoso' };
    const cartId = String(button.purchaseId);
    const before = await bot.app.purchases.load(cartId);

    const refused = await click(chat, 'cart.searchCustomer', search);
    expect(text(refused)).toContain('You have a newer purchase here');
    expect(text(refused)).toContain('You started the add-on after this cart');
    expect(text(refused)).not.toContain('Contoso Ltd');
    expect((await bot.app.purchases.load(cartId))?.purchase).toEqual(before?.purchase);

    // Someone else's click on the same card is refused as not theirs, and learns nothing of the rep's purchases.
    const foreign = await click(chat, 'cart.searchCustomer', search, otherRep);
    expect(text(foreign)).toContain('Not your cart');
    expect(text(foreign)).not.toContain('add-on');

    // Once the add-on is cancelled, the cart is the rep's to carry on with again.
    await send(chat, 'cancel');
    expect(text(await click(chat, 'cart.searchCustomer', search))).toContain('Contoso Ltd');
  });

  it('answers a click on a cancelled purchase with its card and a pointer to the open purchase of the chat', async () => {
    const chat: TeamsConversation = { id: 'a:open-stale-pointer', conversationType: 'personal' };
    const [addOnCard] = (await send(chat, 'add-on')).cards;
    await send(chat, 'cancel');
    const [cartCard] = (await send(chat, 'new cart')).cards;
    const found = await click(chat, 'cart.searchCustomer', { ...actionsOf(cartCard).get('cart.searchCustomer')!, query: 'Contoso' });
    expect(text(found)).toContain('Contoso Ltd');

    const from = bot.connector.calls.length;
    const stale = await click(chat, 'addon.searchCustomer', { ...actionsOf(addOnCard).get('addon.searchCustomer')!, query: 'Contoso' });
    expect(text(stale)).toContain('Add-on cancelled');
    expect(textsSince(chat, from).join('\n')).toContain('Your open purchase in this chat is the cart: carry on from its card, or type **cancel** to drop it.');
  });

  it('cancels an add-on started on its own instead of answering that no cart is in progress', async () => {
    const chat: TeamsConversation = { id: 'a:open-addon-only', conversationType: 'personal' };
    await send(chat, 'add-on');
    const cancelled = await send(chat, 'cancel');
    expect(cancelled.texts.join('\n')).not.toContain('Nothing is open in this chat for you to cancel.');
    expect(cancelled.cards.map(text).join('\n')).toContain('Add-on cancelled');

    // Nothing is open any more: a second `cancel` says so.
    const again = await send(chat, 'cancel');
    expect(again.cards).toEqual([]);
    expect(again.texts.join('\n')).toContain('to cancel');
  });
});

describe('`pending` for a rep who is not an approver', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest({ env: { APPROVER_IDS: anna.aadObjectId, APPROVAL_THRESHOLD: '0', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL } });
  });
  afterAll(() => bot.stop());

  it('shows the request of this chat waiting for an approver, and elsewhere says why nothing waits for them', async () => {
    const request = await requestApprovalFor(bot, 'pending-own');
    expect(await bot.teams.message(approvalRep, request.repChat, 'pending')).toBe(200);
    const own = postsIn(bot, request.repChat.id).at(-1)!.card;
    expect(text(own)).toContain('Waiting for approval');
    expect(text(own)).toContain('Contoso Ltd');

    const elsewhere = personalChat(approvalRep, 'pending-elsewhere');
    expect(await bot.teams.message(approvalRep, elsewhere, 'pending')).toBe(200);
    expect(text(postsIn(bot, elsewhere.id).at(-1)!.card)).toContain('You are not on the approver list');
  });
});
