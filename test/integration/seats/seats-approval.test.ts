import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { text } from '../bot/card-helpers';
import { click, say, type TourParty } from '../../support/purchase-tour';
import { asRecord, attestedCart, E5, nceLine, SandboxClient } from '../sandbox/sandbox-client';
import { cartCheckoutResultSchema } from '../../../src/partner-center/schemas';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID, NORTHWIND_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:seats-approval-rep', aadObjectId: 'a0000000-0000-4000-8000-000000000041', name: 'Rae Rep', tenantId: 'partner-tenant' };
const approver: TeamsUser = { id: '29:seats-approver', aadObjectId: 'a0000000-0000-4000-8000-000000000042', name: 'Abe Approver', tenantId: 'partner-tenant' };
const APPROVAL_CHANNEL = '19:seats-approvals@thread.tacv2';

describe('seat changes and the approval channel', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest({ env: { APPROVER_IDS: approver.aadObjectId, APPROVAL_THRESHOLD: '100', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL } });
  });
  afterAll(async () => {
    await bot.stop();
  });

  const e5Patches = () => bot.sandbox.requests.filter((r) => r.method === 'PATCH' && r.path.toLowerCase().endsWith(CONTOSO_E5_SUBSCRIPTION_ID));

  it('waits for an approver like a purchase (the PATCH quotes no price), and changes the seats once approved', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-approval', conversationType: 'personal' }, locale: 'en-US' };
    const found = await say(party, 'seats contoso');
    const subscriptions = await click(party, found, 'seats.pickCustomer', {}, ['customerId', CONTOSO_ID]);
    const quantity = await click(party, subscriptions, 'seats.pickSubscription', {}, ['subscriptionId', CONTOSO_E5_SUBSCRIPTION_ID]);
    const review = await click(party, quantity, 'seats.review', { quantity: '18' });
    const waiting = await click(party, review, 'seats.change');
    await bot.app.background.idle();
    expect(text(waiting)).not.toContain('Seats changed');
    expect(e5Patches()).toHaveLength(0);

    const requests = bot.connector.cardsIn(APPROVAL_CHANNEL);
    expect(requests.length).toBeGreaterThan(0);
    const thread: TeamsConversation = {
      id: `${APPROVAL_CHANNEL};messageid=approval-card`, conversationType: 'channel',
      channelData: { teamsChannelId: APPROVAL_CHANNEL, channel: { id: APPROVAL_CHANNEL } },
    };
    const asApprover: TourParty = { bot, rep: approver, chat: thread, locale: 'en-US' };
    const decision = await click(asApprover, requests[requests.length - 1]!, 'approval.show');
    await click(asApprover, decision, 'approval.approve');
    await bot.app.background.idle();

    const sent = e5Patches();
    expect(sent).toHaveLength(1);
    expect((sent[0]!.body as Record<string, unknown>)['quantity']).toBe(18);
  });

  it('needs no approver to take seats back inside the window', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-approval-down', conversationType: 'personal' }, locale: 'en-US' };
    const found = await say(party, 'seats contoso');
    const subscriptions = await click(party, found, 'seats.pickCustomer', {}, ['customerId', CONTOSO_ID]);
    const quantity = await click(party, subscriptions, 'seats.pickSubscription', {}, ['subscriptionId', CONTOSO_E5_SUBSCRIPTION_ID]);
    const review = await click(party, quantity, 'seats.review', { quantity: '15' });
    const done = await click(party, review, 'seats.change');
    await bot.app.background.idle();
    expect(text(done)).toContain('Seats changed');
    expect(text(done)).toContain('18 → 15 licences');
    expect(e5Patches()).toHaveLength(2);

    // Approvers still see it where they decide, and the audit trail has it.
    const notice = text(bot.connector.cardsIn(APPROVAL_CHANNEL).at(-1)!);
    expect(notice).toContain('Rae Rep changed a subscription of Contoso');
    expect(notice).toContain('Office 365 E5 - head office: 18 → 15 licences');
    expect(notice).toContain('No approval needed');
    expect(notice).not.toContain('Action.Execute');
    const trail = text(await say({ bot, rep: approver, chat: { id: 'a:seats-approval-audit', conversationType: 'personal' }, locale: 'en-US' }, `audit ${CONTOSO_ID}`));
    expect(trail).toContain('seats.reviewed');
    expect(trail).toContain('checkout.ordered');
  });

  it('needs no approver to cancel inside the window, and tells the approval channel', async () => {
    const sandbox = new SandboxClient(bot.sandbox);
    const cart = asRecord((await sandbox.post(`/v1/customers/${NORTHWIND_ID}/carts`, attestedCart([nceLine(E5, { quantity: 2 })]))).body);
    const checkout = cartCheckoutResultSchema.parse((await sandbox.post(`/v1/customers/${NORTHWIND_ID}/carts/${String(cart['id'])}/checkout`)).body);
    // Partner Center provisions the subscription a while after the order (the sandbox: one minute of its clock).
    expect((await sandbox.post('/_sandbox/clock', { advanceMs: 61_000 })).status).toBe(200);
    const listed = asRecord((await sandbox.get(`/v1/customers/${NORTHWIND_ID}/subscriptions`)).body)['items'] as Record<string, unknown>[];
    const bought = String(listed.find((s) => s['orderId'] === checkout.orders?.[0]?.id)?.['id']);

    const party: TourParty = { bot, rep, chat: { id: 'a:seats-approval-cancel', conversationType: 'personal' }, locale: 'en-US' };
    const found = await say(party, 'seats northwind');
    const subscriptions = await click(party, found, 'seats.pickCustomer', {}, ['customerId', NORTHWIND_ID]);
    const quantity = await click(party, subscriptions, 'seats.pickSubscription', {}, ['subscriptionId', bought]);
    const confirm = await click(party, quantity, 'seats.cancelSubscription');
    const done = await click(party, confirm, 'seats.change');
    await bot.app.background.idle();
    expect(text(done)).toContain('Subscription cancelled');
    const notice = text(bot.connector.cardsIn(APPROVAL_CHANNEL).at(-1)!);
    expect(notice).toContain('Rae Rep changed a subscription of Northwind');
    expect(notice).toContain('Office 365 E5 without Audio Conferencing: cancelled');
  });
});
