import type { BotUnderTest } from '../integration/harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../integration/harness/teams-client';
import { actionsOf, buttonData, choicesOf, type Card } from '../integration/bot/card-helpers';
import { CONTOSO_ID } from '../../src/sandbox/data/seed-ids';
import { BUSINESS_BASIC } from '../integration/bot/drive-to-confirmation';

/** A card the bot showed, named after the moment of the purchase it belongs to. */
export interface TourCard {
  step: string;
  card: Card;
}

export interface TourParty {
  bot: BotUnderTest;
  rep: TeamsUser;
  chat: TeamsConversation;
  locale: string;
  /** The bot's RESULTS_CHANNEL_ID, when set: the order announcement posted there joins the tour. */
  resultsChannelId?: string;
}

const OFFICE_365_E5 = 'CFQ7TTC0LF8S';
/** The Teams message id of the card being clicked; the fake connector accepts any id for updates. */
const CARD_ID = 'tour-card';

/**
 * Clicks an Action.Execute the way Teams does, in the rep's locale, with the button's own data merged
 * with what the rep typed; returns the card Teams would show. `match` picks, among several buttons with
 * the verb, the one whose data has that key and value (e.g. one subscription of a list).
 */
export async function click(
  party: TourParty, card: Card, verb: string, inputs: Record<string, unknown> = {}, match?: [string, string],
): Promise<Card> {
  const data = match ? buttonData(card, verb, ...match) : actionsOf(card).get(verb);
  if (!data) throw new Error(`the card has no "${verb}" button: ${JSON.stringify(card).slice(0, 300)}`);
  const response = await party.bot.teams.send(party.rep, party.chat, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: CARD_ID,
    locale: party.locale,
    value: { action: { type: 'Action.Execute', verb, data: { ...data, ...inputs } }, trigger: 'manual' },
  });
  const body = response.body as { statusCode?: number; value?: Card };
  if (response.status !== 200 || body.statusCode !== 200 || !body.value) {
    throw new Error(`"${verb}" was answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  return body.value;
}

/** A text command typed in the chat; returns the card the bot posted for it. */
export async function say(party: TourParty, text: string): Promise<Card> {
  const before = party.bot.connector.cardsIn(party.chat.id).length;
  const status = await party.bot.teams.message(party.rep, party.chat, text, party.locale);
  const cards = party.bot.connector.cardsIn(party.chat.id);
  if (status !== 200 || cards.length === before) throw new Error(`"${text}" got ${status} and no card`);
  return cards[cards.length - 1];
}

/** From the product step: searches the product by its id (the one match opens its line card) and saves a line. */
export async function addLine(party: TourParty, picker: Card, productId: string, term: string, inputs: Record<string, unknown>): Promise<{ line: Card; next: Card; offer: string }> {
  const line = await click(party, picker, 'cart.searchProduct', { query: productId });
  const offer = choicesOf(line, 'offer').find((o) => o.value.endsWith(term));
  if (!offer) throw new Error(`no ${term} offer for ${productId}`);
  const next = await click(party, line, 'cart.saveLine', { offer: offer.value, ...inputs });
  return { line, next, offer: offer.value };
}

export async function startForContoso(party: TourParty): Promise<Card> {
  const customers = await click(party, await say(party, 'new cart'), 'cart.searchCustomer', { query: 'Contoso' });
  return click(party, customers, 'cart.pickCustomer', {}, ['customerId', CONTOSO_ID]);
}

/**
 * A whole purchase as a rep makes it: help, new cart, customer search, two products, a typo in the
 * quantity, review with Partner Center prices, the request preview, the confirmation refused without the
 * attestation, then the order and its status. Returns every card in the order the rep saw them.
 */
export async function tourPurchase(party: TourParty): Promise<TourCard[]> {
  const seen: TourCard[] = [];
  const keep = (step: string, card: Card) => {
    seen.push({ step, card });
    return card;
  };
  keep('welcome', await say(party, 'help'));
  const start = keep('customer-search', await say(party, 'new cart'));
  const customers = keep('customer-results', await click(party, start, 'cart.searchCustomer', { query: 'Contoso' }));
  const products = keep('product-search', await click(party, customers, 'cart.pickCustomer', {}, ['customerId', CONTOSO_ID]));
  const typo = await addLine(party, products, OFFICE_365_E5, '|P1Y|monthly', { quantity: 'ten' });
  keep('line', typo.line);
  keep('line-error', typo.next);
  const firstDraft = keep('draft', await click(party, typo.next, 'cart.saveLine', { offer: typo.offer, quantity: '3', friendlyName: 'Sales team' }));
  const morePicker = await click(party, firstDraft, 'cart.addLine');
  const draft = keep('draft-two-lines', (await addLine(party, morePicker, BUSINESS_BASIC, '|P1M|monthly', { quantity: '10' })).next);
  const review = keep('review', await click(party, draft, 'cart.review'));
  keep('request-preview', await click(party, review, 'cart.showRequest'));
  // The review is the confirmation: the attestation is ticked and the order placed there.
  keep('confirm-refused', await click(party, review, 'cart.placeOrder', { attestPartnerOfRecord: 'false' }));
  const ordered = keep('ordered', await click(party, review, 'cart.placeOrder', { attestPartnerOfRecord: 'true' }));
  await party.bot.app.background.idle();
  keep('order-status', await click(party, ordered, 'status.show'));
  if (party.resultsChannelId) {
    const announcements = party.bot.connector.cardsIn(party.resultsChannelId);
    if (announcements.length === 0) throw new Error(`nothing was announced in ${party.resultsChannelId}`);
    keep('announcement', announcements[announcements.length - 1]);
  }
  return seen;
}

/** The cart a rep drops: the notice that it was cancelled. */
export async function tourCancel(party: TourParty): Promise<TourCard[]> {
  const start = await say(party, 'new cart');
  return [{ step: 'cancelled', card: await click(party, start, 'cart.cancel') }];
}

/**
 * Slow Partner Center: with an answer budget of 0 ms every review answers with the progress card, and
 * the priced cart replaces it through the connector once pricing finishes.
 */
export async function tourSlowReview(party: TourParty): Promise<TourCard[]> {
  const products = await startForContoso(party);
  const draft = (await addLine(party, products, BUSINESS_BASIC, '|P1M|monthly', { quantity: '2' })).next;
  const progress = await click(party, draft, 'cart.review');
  await party.bot.app.background.idle();
  const update = [...party.bot.connector.calls].reverse().find((c) => c.method === 'PUT' && c.activityId === CARD_ID);
  const attachments = (update?.body.attachments ?? []) as { content: Card }[];
  if (!attachments[0]) throw new Error('the priced cart never replaced the progress card');
  return [{ step: 'progress', card: progress }, { step: 'review-after-progress', card: attachments[0].content }];
}

/** Partner Center refuses the checkout (13605: the customer has not accepted the MCA): the failure card. */
export async function tourRefusedCheckout(party: TourParty): Promise<TourCard[]> {
  const products = await startForContoso(party);
  const draft = (await addLine(party, products, BUSINESS_BASIC, '|P1M|monthly', { quantity: '1' })).next;
  const review = await click(party, draft, 'cart.review');
  party.bot.sandbox.knobs.set({ businessFault: { code: 13605, status: 403, on: 'checkout' } });
  const failed = await click(party, review, 'cart.placeOrder', { attestPartnerOfRecord: 'true' });
  await party.bot.app.background.idle();
  party.bot.sandbox.knobs.reset();
  return [{ step: 'checkout-refused', card: failed }];
}

export interface ApprovalParty extends TourParty {
  approver: TeamsUser;
  /** The bot's APPROVAL_CHANNEL_ID. */
  approvalChannelId: string;
}

/** The approver, clicking in the thread of the approval channel's post. */
export function approverInChannel(party: ApprovalParty): TourParty {
  const thread: TeamsConversation = {
    id: `${party.approvalChannelId};messageid=${CARD_ID}`,
    conversationType: 'channel',
    channelData: { teamsChannelId: party.approvalChannelId, channel: { id: party.approvalChannelId } },
  };
  return { ...party, rep: party.approver, chat: thread };
}

/**
 * What follows a rep's request for approval: the request posted in the approval channel, the approver's
 * `pending` list, and the approver's decision clicked in the channel thread. Steps are named `<prefix>-…`.
 */
export async function approveLatestRequest(party: ApprovalParty, prefix: string): Promise<TourCard[]> {
  await party.bot.app.background.idle();
  const requests = party.bot.connector.cardsIn(party.approvalChannelId);
  const request = requests[requests.length - 1];
  if (!request) throw new Error(`no approval request was posted in ${party.approvalChannelId}`);
  const approverChat: TeamsConversation = { id: `a:${party.approver.id}-pending`, conversationType: 'personal' };
  const pending = await say({ ...party, rep: party.approver, chat: approverChat }, 'pending');
  const asApprover = approverInChannel(party);
  // The channel post is the same for everyone; an approver's client refreshes it into the decision view.
  const decision = await click(asApprover, request, 'approval.show');
  const decided = await click(asApprover, decision, 'approval.approve');
  await party.bot.app.background.idle();
  return [
    { step: `${prefix}-request`, card: request },
    { step: `${prefix}-pending`, card: pending },
    { step: `${prefix}-decision`, card: decision },
    { step: `${prefix}-approved`, card: decided },
  ];
}

/**
 * A purchase that needs an approval (the bot runs with APPROVER_IDS and APPROVAL_THRESHOLD=0): the rep's
 * card while it waits, the request in the approval channel, the approver's `pending` list and the
 * approver's decision clicked in the channel thread.
 */
export async function tourApproval(party: ApprovalParty): Promise<TourCard[]> {
  const waiting = await placeForApproval(party);
  return [{ step: 'approval-waiting', card: waiting }, ...(await approveLatestRequest(party, 'approval'))];
}

/** An approver reads a customer's audit trail in a personal chat (the bot runs with APPROVER_IDS). */
export async function tourAudit(party: ApprovalParty, subjectId: string): Promise<TourCard[]> {
  const chat: TeamsConversation = { id: `a:${party.approver.id}-audit`, conversationType: 'personal' };
  return [{ step: 'audit-trail', card: await say({ ...party, rep: party.approver, chat }, `audit ${subjectId}`) }];
}

/** A cart of 2 × Business Basic for Contoso placed by the rep; returns their "waiting for approval" card once the request is posted. */
async function placeForApproval(party: ApprovalParty): Promise<Card> {
  const products = await startForContoso(party);
  const draft = (await addLine(party, products, BUSINESS_BASIC, '|P1M|monthly', { quantity: '2' })).next;
  const review = await click(party, draft, 'cart.review');
  const waiting = await click(party, review, 'cart.placeOrder', { attestPartnerOfRecord: 'true' });
  await party.bot.app.background.idle();
  return waiting;
}

/** The rep takes a waiting request back ("Withdraw request"); the approval card in the channel says so. */
export async function tourWithdraw(party: ApprovalParty): Promise<TourCard[]> {
  const waiting = await placeForApproval(party);
  const withdrawn = await click(party, waiting, 'approval.withdraw');
  await party.bot.app.background.idle();
  // The update of the channel's post (PUT), addressed to the channel or to the post's thread.
  const update = party.bot.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId.startsWith(party.approvalChannelId)).at(-1);
  const channelCard = (update?.body.attachments as { content: Card }[] | undefined)?.[0]?.content;
  if (!channelCard) throw new Error('the approval card in the channel was not updated');
  return [
    { step: 'approval-waiting-named', card: waiting },
    { step: 'approval-withdrawn', card: withdrawn },
    { step: 'approval-withdrawn-channel', card: channelCard },
  ];
}
