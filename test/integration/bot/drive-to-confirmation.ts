import type { BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, choicesOf, type Card } from './card-helpers';

/** Takes a new cart for Contoso with 2 × Business Basic (1 month) up to the confirmation card. */
export async function driveToConfirmation(bot: BotUnderTest, user: TeamsUser, conversation: TeamsConversation): Promise<Card> {
  await bot.teams.message(user, conversation, 'new cart');
  const cards = bot.connector.cardsIn(conversation.id);
  let card = cards[cards.length - 1];
  const click = async (verb: string, inputs: Record<string, unknown> = {}) => {
    const response = await bot.teams.execute(user, conversation, 'activity-1', verb, { ...actionsOf(card).get(verb)!, ...inputs });
    card = response.body.value;
    return card;
  };
  await click('cart.searchCustomer', { query: 'Contoso Ltd' });
  await click('cart.pickCustomer', { choice: '46a62ece-10ad-42e5-b3f1-b2ed53e6fc08' });
  const line = await click('cart.pickProduct', { choice: 'CFQ7TTC0LH18' });
  const monthly = choicesOf(line, 'offer').find((o) => o.value.endsWith('|P1M|monthly'))!;
  await click('cart.saveLine', { offer: monthly.value, quantity: '2' });
  await click('cart.review');
  return click('cart.confirm');
}
