import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { startClockedWorld, type ClockedWorld } from '../harness/clocked-world';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, buttonTitles, text, type Card } from '../bot/card-helpers';
import { asRecord, SandboxClient } from '../sandbox/sandbox-client';
import { click, say, type TourParty } from '../../support/purchase-tour';
import { openContosoE5 } from '../../support/seats-tour';
import { whileHeld } from '../../support/held-request';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:seats-renewal-rep', aadObjectId: 'a0000000-0000-4000-8000-000000000061', name: 'Ren Rep', tenantId: 'partner-tenant' };
const approver: TeamsUser = { id: '29:seats-renewal-approver', aadObjectId: 'a0000000-0000-4000-8000-000000000062', name: 'Ada Approver', tenantId: 'partner-tenant' };
const APPROVAL_CHANNEL = '19:seats-renewal-approvals@thread.tacv2';
/** The bot gives up a call after two attempts, so a test can lose every answer with a few dropped connections. */
const IMPATIENT = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 };

describe('what is still possible when fewer seats are refused: auto-renew off, fewer licences at renewal', () => {
  let world: ClockedWorld;
  let bot: BotUnderTest;
  let sandbox: SandboxClient;
  const seen: Card[] = [];

  beforeAll(async () => {
    world = await startClockedWorld();
    bot = await startBotUnderTest({
      sandbox: world.sandbox, connector: world.connector, timer: world.clock, partnerCenterRetry: IMPATIENT,
      env: { APPROVER_IDS: approver.aadObjectId, APPROVAL_THRESHOLD: '100', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL },
    });
    sandbox = new SandboxClient(world.sandbox);
  });
  afterAll(async () => {
    for (const card of [...seen, ...bot.connector.cardsIn(APPROVAL_CHANNEL)]) expect(adaptiveCardProblems(card)).toEqual([]);
    await bot.stop();
    await world.stop();
  });

  const e5Patches = () => world.sandbox.requests.filter((r) => r.method === 'PATCH' && r.path.toLowerCase().endsWith(CONTOSO_E5_SUBSCRIPTION_ID));
  const e5 = async () => asRecord((await sandbox.get(`/v1/customers/${CONTOSO_ID}/subscriptions/${CONTOSO_E5_SUBSCRIPTION_ID}`)).body);
  const keep = (card: Card) => {
    seen.push(card);
    return card;
  };

  /** `seats contoso` → Contoso → its E5 → a new total of 9, below the 10 seats past their window: refused. */
  async function refusedReduction(party: TourParty): Promise<Card> {
    const { quantity } = await openContosoE5(party);
    return keep(await click(party, quantity, 'seats.review', { quantity: '9' }));
  }

  it('offers "Lower to 9 at renewal" as a button, asks once more, schedules it with one PATCH for a double click, and tells the approval channel', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-renewal-lower', conversationType: 'personal' }, locale: 'en-US' };
    const refused = await refusedReduction(party);
    expect(text(refused)).toContain('Partner Center lets you go down to 10 licences only');
    expect(buttonTitles(refused, 'seats.lowerAtRenewal')).toEqual(['Lower to 9 at renewal']);
    expect(buttonTitles(refused, 'seats.autoRenewOff')).toEqual(['Turn auto-renew off']);
    expect(actionsOf(refused).has('seats.change')).toBe(false);

    const confirm = keep(await click(party, refused, 'seats.lowerAtRenewal'));
    expect(text(confirm)).toContain('Fewer licences at renewal: Office 365 E5 - head office?');
    expect(text(confirm)).toContain('15 → 9 licences from the renewal on {{DATE(');
    expect(text(confirm)).toContain('Until then the customer keeps 15 licences, billed as now');
    expect(e5Patches()).toHaveLength(0);

    const change = actionsOf(confirm).get('seats.change')!;
    const [one, two] = await Promise.all([
      bot.teams.execute(rep, party.chat, 'activity-1', 'seats.change', change),
      bot.teams.execute(rep, party.chat, 'activity-1', 'seats.change', change),
    ]);
    await bot.app.background.idle();
    const sent = e5Patches();
    expect(sent).toHaveLength(1);
    const body = asRecord(sent[0]!.body);
    expect(body['quantity']).toBe(15);
    expect(body['scheduledNextTermInstructions']).toEqual({
      product: { productId: 'CFQ7TTC0LF8S', skuId: '0001', availabilityId: 'CFQ7TTC0VZW5', billingCycle: 'monthly', termDuration: 'P1Y' },
      quantity: 9,
    });
    const now = await e5();
    expect(now['quantity']).toBe(15);
    expect(asRecord(now['scheduledNextTermInstructions'])['quantity']).toBe(9);

    const result = [one.body.value, two.body.value].map(keep).find((card) => text(card).includes('Renewal changed'))!;
    expect(text(result)).toContain(`Office 365 E5 - head office renews with 9 licences on {{DATE(${String(now['commitmentEndDate']).replace(/\.\d{3}Z$/, 'Z')}`);
    expect(text(result)).toContain('(15 until then)');
    expect(text(result)).toContain('Changed by Ren Rep');

    const notices = bot.connector.cardsIn(APPROVAL_CHANNEL).map(text);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Ren Rep changed a subscription of Contoso');
    expect(notices[0]).toContain('Office 365 E5 - head office renews with 9 licences on');
    expect(notices[0]).toContain('No approval needed');

    const auditChat: TeamsConversation = { id: 'a:seats-renewal-audit', conversationType: 'personal' };
    const trail = text(await say({ bot, rep: approver, chat: auditChat, locale: 'en-US' }, `audit ${CONTOSO_ID}`));
    expect(trail).toContain('Fewer licences at renewal reviewed');
    expect(trail).toContain('seats.lowerAtRenewalReviewed');
    expect(trail).toContain('checkout.ordered');
  });

  it('turns auto-renew off once even when Partner Center\'s answer is lost: it reads the subscription back instead of saying nothing changed', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-renewal-off', conversationType: 'personal' }, locale: 'en-US' };
    const refused = await refusedReduction(party);
    const confirm = keep(await click(party, refused, 'seats.autoRenewOff'));
    expect(text(confirm)).toContain('Turn auto-renew off: Office 365 E5 - head office?');
    expect(text(confirm)).toContain('It ends on {{DATE(');
    expect(text(confirm)).toContain('The customer keeps 15 licences until then');
    const patchesBefore = e5Patches().length;

    // Partner Center applies the PATCH, but the answers to it and to its retry are lost (not those of the read before it).
    const held = { method: 'PATCH', pathPattern: `${CONTOSO_E5_SUBSCRIPTION_ID}$` } as const;
    const answer = keep(await whileHeld(world.sandbox, held, () => click(party, confirm, 'seats.change'), () => {
      world.sandbox.knobs.set({ dropConnections: { count: 2, pathPattern: `${CONTOSO_E5_SUBSCRIPTION_ID}$`, afterProcessing: true } });
    }));
    await bot.app.background.idle();
    expect(text(answer)).toContain('Checking with Partner Center');
    expect(text(answer)).not.toContain('Nothing was');
    expect((await e5())['autoRenewEnabled']).toBe(false);

    world.clock.advance(5_000);
    await bot.app.background.idle();
    const sent = e5Patches().slice(patchesBefore);
    expect(sent).toHaveLength(2);
    expect(sent.every((patch) => asRecord(patch.body)['autoRenewEnabled'] === false)).toBe(true);
    expect(new Set(sent.map((patch) => patch.headers['ms-requestid'])).size).toBe(1);
    const update = world.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === party.chat.id).at(-1);
    const resolved = keep((update?.body.attachments as { content: Card }[])[0]!.content);
    expect(text(resolved)).toContain('Auto-renew turned off');
    expect(text(resolved)).toContain('Office 365 E5 - head office ends on {{DATE(');
    expect(text(resolved)).toContain('and will not renew');
    expect(bot.connector.cardsIn(APPROVAL_CHANNEL).map(text).at(-1)).toContain('Office 365 E5 - head office ends on {{DATE(');

    // With auto-renew off nothing is left to offer at renewal.
    const again = await refusedReduction(party);
    expect(actionsOf(again).has('seats.autoRenewOff')).toBe(false);
    expect(actionsOf(again).has('seats.lowerAtRenewal')).toBe(false);
  });

  it('answers a "Lower at renewal" button Partner Center no longer allows with the subscription as it is, and sends nothing', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-renewal-stale', conversationType: 'personal' }, locale: 'en-US' };
    const { quantity } = await openContosoE5(party);
    // A forged button: auto-renew is off (the test before), so no renewal can be scheduled.
    const forged = { ...actionsOf(quantity).get('seats.review')!, renewalQuantity: 9 };
    const patchesBefore = e5Patches().length;
    const response = await bot.teams.execute(rep, party.chat, 'activity-1', 'seats.lowerAtRenewal', forged);
    const card = keep(response.body.value);
    expect(text(card)).toContain('That is no longer possible for this subscription');
    expect(actionsOf(card).has('seats.change')).toBe(false);
    expect(e5Patches()).toHaveLength(patchesBefore);
  });
});
