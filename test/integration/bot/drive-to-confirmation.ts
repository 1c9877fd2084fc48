import type { BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, choicesOf, type Card } from './card-helpers';

export const BUSINESS_BASIC = 'CFQ7TTC0LH18';

/** A click on the button with `verb` of the card the message shows now; resolves to the card it shows next. */
export type Click = (verb: string, inputs?: Record<string, unknown>) => Promise<Card>;

/**
 * Clicks the Action.Execute buttons of one message as the rep's Teams client does: the button's own data
 * merged with what the rep typed, each click on the card the message shows after the previous one.
 */
export function clicksOn(bot: BotUnderTest, user: TeamsUser, conversation: TeamsConversation, card: Card, cardId = 'activity-1'): Click {
  let shown = card;
  return async (verb, inputs = {}) => {
    // A click slower than the answer budget was answered with a progress card; the finished card
    // replaces it through the Bot Connector once the background work is done.
    if (!actionsOf(shown).has(verb)) shown = await cardShownAfterBackgroundWork(bot, conversation, cardId, shown);
    const data = actionsOf(shown).get(verb);
    if (!data) throw new Error(`the card has no ${verb} button: ${JSON.stringify(shown).slice(0, 300)}`);
    shown = (await bot.teams.execute(user, conversation, cardId, verb, { ...data, ...inputs })).body.value;
    return shown;
  };
}

/**
 * The card a click finally shows: its answer, or, when that was a progress card (no buttons), the card
 * that replaced it through the Bot Connector once the background work was done.
 */
export async function cardAfterProgress(bot: BotUnderTest, conversation: TeamsConversation, cardId: string, answered: Card): Promise<Card> {
  return actionsOf(answered).size > 0 ? answered : cardShownAfterBackgroundWork(bot, conversation, cardId, answered);
}

async function cardShownAfterBackgroundWork(bot: BotUnderTest, conversation: TeamsConversation, cardId: string, answered: Card): Promise<Card> {
  await bot.app.background.idle();
  const update = bot.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === conversation.id && c.activityId === cardId).at(-1);
  return (update?.body.attachments as { content: Card }[] | undefined)?.[0]?.content ?? answered;
}

/** Says "new cart"; the clicks go to the card the bot posted for it. */
export async function startCart(bot: BotUnderTest, user: TeamsUser, conversation: TeamsConversation): Promise<Click> {
  await bot.teams.message(user, conversation, 'new cart');
  const cards = bot.connector.cardsIn(conversation.id);
  if (cards.length === 0) throw new Error(`"new cart" posted no card in ${conversation.id}`);
  return clicksOn(bot, user, conversation, cards[cards.length - 1]);
}

/**
 * From the customer step: searches `customer` (exactly one match moves on by itself) and then the product
 * by its id (one match again): the clicks continue on the product's line card.
 */
export async function lineCardFor(click: Click, customer: string, productId: string): Promise<Card> {
  const products = await click('cart.searchCustomer', { query: customer });
  if (!actionsOf(products).has('cart.searchProduct')) throw new Error(`"${customer}" is not exactly one customer: ${JSON.stringify(products).slice(0, 300)}`);
  return click('cart.searchProduct', { query: productId });
}

/** Says "new cart", searches Contoso and `productId`: the clicks continue on the product's line card. */
export async function lineCardForContoso(
  bot: BotUnderTest, user: TeamsUser, conversation: TeamsConversation, productId: string,
): Promise<{ click: Click; line: Card }> {
  const click = await startCart(bot, user, conversation);
  return { click, line: await lineCardFor(click, 'Contoso Ltd', productId) };
}

/** From a line card: saves `quantity` of the choice whose value ends with `offerSuffix` (e.g. `|P1M|monthly`). */
export async function saveLine(click: Click, line: Card, offerSuffix: string, quantity: string): Promise<Card> {
  const offer = choicesOf(line, 'offer').find((o) => o.value.endsWith(offerSuffix));
  if (!offer) throw new Error(`the line card offers no ${offerSuffix}: ${JSON.stringify(choicesOf(line, 'offer'))}`);
  return click('cart.saveLine', { offer: offer.value, quantity });
}

/** From the customer step: Contoso, then a saved line of 2 × Business Basic (1 month, billed monthly). */
export async function draftForContoso(click: Click): Promise<Card> {
  return saveLine(click, await lineCardFor(click, 'Contoso Ltd', BUSINESS_BASIC), '|P1M|monthly', '2');
}

/** Takes a new cart for Contoso with 2 × Business Basic (1 month) up to the review, where the order is placed. */
export async function driveToConfirmation(bot: BotUnderTest, user: TeamsUser, conversation: TeamsConversation): Promise<Card> {
  const click = await startCart(bot, user, conversation);
  await draftForContoso(click);
  return cardAfterProgress(bot, conversation, 'activity-1', await click('cart.review'));
}
