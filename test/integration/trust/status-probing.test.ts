import { t } from '../../../src/i18n/translate';
import { text, type Card } from '../bot/card-helpers';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { PARTNER_TENANT } from '../harness/local-environment';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { driveToConfirmation, placeOrderData } from '../scale/drive-purchase';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: PARTNER_TENANT };
const chatMember: TeamsUser = { id: '29:mia', aadObjectId: '55555555-5555-4555-8555-555555555555', name: 'Mia Member', tenantId: PARTNER_TENANT };
const approver: TeamsUser = { id: '29:ann', aadObjectId: '66666666-6666-4666-8666-666666666666', name: 'Ann Approver', tenantId: PARTNER_TENANT };
const colleague: TeamsUser = { id: '29:carl', aadObjectId: '22222222-2222-4222-8222-222222222222', name: 'Carl Colleague', tenantId: PARTNER_TENANT };
const groupChat: TeamsConversation = { id: '19:deal-team@thread.v2', conversationType: 'groupChat' };
const personal = (user: TeamsUser): TeamsConversation => ({ id: `a:personal-${user.id}`, conversationType: 'personal' });
const UNKNOWN_ORDER = 'a68736758d9c';

describe('status <order id> answers only those who may follow the order', () => {
  let bot: BotUnderTest;
  let orderId: string;
  const ask = async (user: TeamsUser, conversation: TeamsConversation, id: string): Promise<Card> => {
    expect(await bot.teams.message(user, conversation, `status ${id}`)).toBe(200);
    return bot.connector.cardsIn(conversation.id).at(-1)!;
  };
  /** Partner Center reads of one order (GET …/orders/{id} and its subscriptions). */
  const readsOf = (id: string) => bot.sandbox.requests.filter((r) => r.method === 'GET' && r.path.includes(id)).length;

  beforeAll(async () => {
    bot = await startBotUnderTest({ env: { APPROVER_IDS: approver.aadObjectId } });
    const confirmation = await driveToConfirmation([bot.teams], bot.connector, rep, groupChat);
    await bot.teams.execute(rep, groupChat, confirmation.cardId, 'cart.placeOrder', placeOrderData(confirmation));
    await bot.app.background.idle();
    orderId = (await bot.app.purchases.load(confirmation.purchaseId))!.purchase.checkout!.result!.orders![0]!.id!;
  });
  afterAll(async () => {
    await bot.stop();
  });

  it.each([
    ['the rep who placed it, from a personal chat', () => [rep, personal(rep)] as const],
    ['a member of the conversation it was placed in, asking there', () => [chatMember, groupChat] as const],
    ['an approver', () => [approver, personal(approver)] as const],
  ])('tells %s', async (_who, whoAndWhere) => {
    const [user, conversation] = whoAndWhere();
    expect(text(await ask(user, conversation, orderId))).toContain(t('en-US', 'status.title', { orderId }));
  });

  it('answers anyone else exactly as for an order that does not exist, without asking Partner Center', async () => {
    const reads = readsOf(orderId);
    const real = await ask(colleague, personal(colleague), orderId);
    const unknown = await ask(colleague, personal(colleague), UNKNOWN_ORDER);
    expect(text(real)).toContain(t('en-US', 'status.unknown.title'));
    expect(text(real).replaceAll(orderId, '<id>')).toBe(text(unknown).replaceAll(UNKNOWN_ORDER, '<id>'));
    expect(readsOf(orderId)).toBe(reads);
    const denied = (await bot.app.audit.listFor({ orderId })).filter((r) => r.action === 'status.denied');
    expect(denied).toEqual([expect.objectContaining({ actor: expect.objectContaining({ aadObjectId: colleague.aadObjectId }), outcome: 'denied' })]);
  });

  it('does not let the Status button\'s data stand in for the command', async () => {
    const answer = await bot.teams.execute(colleague, personal(colleague), 'activity-1', 'status.show', { orderId });
    expect(text(answer.body.value)).toContain(t('en-US', 'status.unknown.title'));
  });
});
