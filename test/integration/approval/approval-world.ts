import type { BotUnderTest } from '../harness/bot-under-test';
import type { ConnectorCall } from '../harness/fake-connector';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, type Card } from '../bot/card-helpers';
import { clicksOn, draftForContoso } from '../bot/drive-to-confirmation';
import { partnerCenterCart } from '../../../src/flows/purchase/purchase';

export const APPROVAL_CHANNEL = '19:approvals@thread.tacv2';

export const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };
export const anna: TeamsUser = { id: '29:anna', aadObjectId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', name: 'Anna Approver', tenantId: 'partner-tenant' };
/** An approver from the distributor's tenant, a member of the shared channel through B2B direct connect. */
export const bruno: TeamsUser = { id: '29:bruno', aadObjectId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', name: 'Bruno Distributor', tenantId: 'distributor-tenant' };
export const bystander: TeamsUser = { id: '29:bob', aadObjectId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', name: 'Bob Bystander', tenantId: 'partner-tenant' };

/** The rep is on the approver list too: a rep may still never approve their own purchase. */
export const APPROVER_IDS = [anna, bruno, rep].map((u) => u.aadObjectId).join(',');

export const personalChat = (user: TeamsUser, name = 'chat'): TeamsConversation => ({ id: `a:${user.id}-${name}`, conversationType: 'personal' });

/** The thread of a post in the approval channel, as a click on that post arrives. */
export function approvalThread(activityId: string): TeamsConversation {
  return {
    id: `${APPROVAL_CHANNEL};messageid=${activityId}`,
    conversationType: 'channel',
    channelData: { teamsChannelId: APPROVAL_CHANNEL, channel: { id: APPROVAL_CHANNEL }, team: { id: '19:shared-team@thread.tacv2' } },
  };
}

/** The fake connector gives POSTed activities ids in order (`activity-1`, …); PUTs keep theirs. */
function withIds(bot: BotUnderTest): { call: ConnectorCall; id: string }[] {
  let posted = 0;
  return bot.connector.calls.map((call) => ({ call, id: call.method === 'PUT' ? call.activityId ?? '' : `activity-${++posted}` }));
}

const cardOf = (call: ConnectorCall): Card | undefined =>
  (call.body.attachments as { content: Card }[] | undefined)?.[0]?.content;

/** Posts the bot made into a conversation (by exact id), with the activity ids they got. */
export function postsIn(bot: BotUnderTest, conversationId: string): { id: string; card: Card }[] {
  return withIds(bot).flatMap(({ call, id }) =>
    call.method === 'POST' && call.conversationId === conversationId && cardOf(call) ? [{ id, card: cardOf(call)! }] : []);
}

/** Updates (PUT) of one message, in any conversation id that names it (channel or its thread). */
export function updatesOf(bot: BotUnderTest, activityId: string): Card[] {
  return bot.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === activityId).flatMap((c) => (cardOf(c) ? [cardOf(c)!] : []));
}

export const putCount = (bot: BotUnderTest) => bot.connector.calls.filter((c) => c.method === 'PUT').length;
export const checkoutsOf = (bot: BotUnderTest, cartId: string) =>
  bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/carts/${cartId}/checkout`));

interface Requested {
  purchaseId: string;
  cartId: string;
  /** The rep's card in their chat. */
  repCardId: string;
  repChat: TeamsConversation;
  /** What the rep saw after "Place order", and what that button sends. */
  repAnswer: Card;
  placeOrder: Record<string, unknown>;
  /** The approval card in the channel. */
  approvalCardId: string;
  approvalCard: Card;
}

/**
 * The rep builds a cart for Contoso (2 × Microsoft 365 Business Basic, monthly) in a new personal chat,
 * ticks the attestation and places the order; waits until the approval card is posted. `locale`: the
 * rep's Teams language, which the purchase keeps.
 */
export async function requestApprovalFor(bot: BotUnderTest, chatName: string, locale = 'en-US'): Promise<Requested> {
  const repChat = personalChat(rep, chatName);
  await bot.teams.message(rep, repChat, 'new cart', locale);
  const [{ id: repCardId, card: first }] = postsIn(bot, repChat.id);
  const click = clicksOn(bot, rep, repChat, first, repCardId);
  await draftForContoso(click);
  const confirm = await click('cart.review');
  const placeOrder: Record<string, unknown> = { ...actionsOf(confirm).get('cart.placeOrder')!, attestPartnerOfRecord: 'true' };
  const purchaseId = String(placeOrder.purchaseId);
  const before = postsIn(bot, APPROVAL_CHANNEL).length;
  const repAnswer = await click('cart.placeOrder', { attestPartnerOfRecord: 'true' });
  await bot.app.background.idle();
  const posted = postsIn(bot, APPROVAL_CHANNEL);
  if (posted.length !== before + 1) throw new Error('no approval card was posted to the channel');
  const { id: approvalCardId, card: approvalCard } = posted[posted.length - 1];
  const cartId = partnerCenterCart((await bot.app.purchases.load(purchaseId))!.purchase)!.id!;
  return { purchaseId, cartId, repCardId, repChat, repAnswer, placeOrder, approvalCardId, approvalCard };
}

/** The refresh action of a card, as Teams would invoke it. */
export function refreshOf(card: Card): { verb: string; data: Record<string, unknown> } {
  const refresh = card.refresh as { action: { verb: string; data: Record<string, unknown> } } | undefined;
  if (!refresh) throw new Error('the card has no refresh');
  return refresh.action;
}
