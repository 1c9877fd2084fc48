import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, type Card } from '../bot/card-helpers';
import { draftForContoso } from '../bot/drive-to-confirmation';
import type { FakeConnector } from '../harness/fake-connector';
import type { TeamsClient, TeamsConversation, TeamsUser } from '../harness/teams-client';


/** Every step a purchase driven by `driveToConfirmation` and then ordered leaves in the audit log. */
export const ORDERED_PURCHASE_STEPS = [
  'purchase.created', 'customer.chosen', 'product.chosen', 'line.added', 'cart.priced', 'checkout.started', 'checkout.ordered',
];

export interface Confirmation {
  card: Card;
  /** The message that shows the purchase; every click comes from it. */
  cardId: string;
  purchaseId: string;
}

/**
 * Takes a new cart for Contoso (2 × Microsoft 365 Business Basic, monthly) to the confirmation card, as
 * bot/drive-to-confirmation.ts does for one bot, but across instances and checking every answer. Turn
 * `i` goes to `clients[i % clients.length]`, so with two clients the turns alternate between instances.
 * `connector` must be new for this conversation: its first posted card is `activity-1`.
 */
export async function driveToConfirmation(
  clients: TeamsClient[], connector: FakeConnector, user: TeamsUser, conversation: TeamsConversation,
): Promise<Confirmation> {
  let turn = 0;
  const next = () => clients[turn++ % clients.length]!;
  expect(await next().message(user, conversation, 'new cart')).toBe(200);
  const posted = connector.calls.filter((call) => call.method === 'POST' && call.conversationId === conversation.id);
  expect(posted).toHaveLength(1);
  const cardId = 'activity-1';
  let card = connector.cardsIn(conversation.id)[0]!;
  const click = async (verb: string, inputs: Record<string, unknown> = {}) => {
    const data = actionsOf(card).get(verb);
    if (!data) throw new Error(`the card has no ${verb} action: ${JSON.stringify(card).slice(0, 300)}`);
    const response = await next().execute(user, conversation, cardId, verb, { ...data, ...inputs });
    expect(response.status).toBe(200);
    card = response.body.value;
    expect(adaptiveCardProblems(card)).toEqual([]);
    return card;
  };
  await draftForContoso(click);
  await click('cart.review');
  const placeOrder = actionsOf(card).get('cart.placeOrder');
  if (!placeOrder) throw new Error('the review has no place-order action');
  return { card, cardId, purchaseId: String(placeOrder.purchaseId) };
}

/** The click on "Place order" with the attestation ticked, as the confirmation card sends it. */
export function placeOrderData(confirmation: Confirmation): Record<string, unknown> {
  return { ...actionsOf(confirmation.card).get('cart.placeOrder')!, attestPartnerOfRecord: 'true' };
}

/** The card the conversation now shows on `cardId`: the last update of that message. */
export function shownCard(connector: FakeConnector, conversationId: string, cardId: string): Card {
  const updates = connector.calls.filter((call) => call.method === 'PUT' && call.conversationId === conversationId && call.activityId === cardId);
  const last = updates[updates.length - 1];
  if (!last) throw new Error(`message ${cardId} was never updated`);
  return (last.body.attachments as { content: Card }[])[0]!.content;
}
