import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { text } from '../bot/card-helpers';
import { click, say, type TourParty } from '../../support/purchase-tour';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:seats-approval-rep', aadObjectId: 'a0000000-0000-4000-8000-000000000041', name: 'Rae Rep', tenantId: 'partner-tenant' };
const approver: TeamsUser = { id: '29:seats-approver', aadObjectId: 'a0000000-0000-4000-8000-000000000042', name: 'Abe Approver', tenantId: 'partner-tenant' };
const APPROVAL_CHANNEL = '19:seats-approvals@thread.tacv2';

describe('a seat increase above the approval threshold', () => {
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
  });
});
