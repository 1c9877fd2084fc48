import { text } from '../bot/card-helpers';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { startClockedWorld, type ClockedWorld } from '../harness/clocked-world';
import type { TeamsUser } from '../harness/teams-client';
import { click, say, type TourParty } from '../../support/purchase-tour';
import { openContosoE5 } from '../../support/seats-tour';
import { whileHeld } from '../../support/held-request';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:seats-lost-rep', aadObjectId: 'a0000000-0000-4000-8000-000000000051', name: 'Lou Lost', tenantId: 'partner-tenant' };
/** The bot gives up a call after two attempts, so a test can lose every answer with a few dropped connections. */
const IMPATIENT = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 };

describe('a seat change whose answers are lost', () => {
  let world: ClockedWorld;
  let bot: BotUnderTest;
  beforeAll(async () => {
    world = await startClockedWorld();
    bot = await startBotUnderTest({ sandbox: world.sandbox, connector: world.connector, timer: world.clock, partnerCenterRetry: IMPATIENT });
  });
  afterAll(async () => {
    await bot.stop();
    await world.stop();
  });
  const e5Patches = () => world.sandbox.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(CONTOSO_E5_SUBSCRIPTION_ID));

  it('says it is checking (never "nothing changed"), then reads the subscription back and changes it exactly once', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-lost', conversationType: 'personal' }, locale: 'en-US' };
    const found = await say(party, 'seats contoso');
    const subscriptions = await click(party, found, 'seats.pickCustomer', {}, ['customerId', CONTOSO_ID]);
    const quantity = await click(party, subscriptions, 'seats.pickSubscription', {}, ['subscriptionId', CONTOSO_E5_SUBSCRIPTION_ID]);
    const review = await click(party, quantity, 'seats.review', { quantity: '19' });
    // Every answer about the subscription is lost (after Partner Center handled the request) until the drops run out.
    world.sandbox.knobs.set({ dropConnections: { count: 2, pathPattern: `${CONTOSO_E5_SUBSCRIPTION_ID}$`, afterProcessing: true } });
    const answer = await click(party, review, 'seats.change');
    await bot.app.background.idle();
    expect(text(answer)).toContain('Checking with Partner Center');
    expect(text(answer)).not.toContain('Seats changed');

    world.clock.advance(5_000);
    await bot.app.background.idle();
    const patches = world.sandbox.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(CONTOSO_E5_SUBSCRIPTION_ID));
    expect(patches).toHaveLength(1);
    expect((patches[0]!.body as Record<string, unknown>)['quantity']).toBe(19);
    const update = world.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === party.chat.id).at(-1);
    expect(text((update?.body.attachments as { content: Record<string, unknown> }[])[0]!.content)).toContain('15 → 19 licences');
  });

  it('resolves a reduction whose PATCH Partner Center applied but whose answers were lost by reading the subscription back', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-lost-patch', conversationType: 'personal' }, locale: 'en-US' };
    const review = await click(party, (await openContosoE5(party)).quantity, 'seats.review', { quantity: '17' });
    const before = e5Patches().length;
    // The read before the PATCH is answered; the PATCH and its retry are applied (one MS-RequestId) but their answers are lost.
    const held = { method: 'PATCH', pathPattern: `${CONTOSO_E5_SUBSCRIPTION_ID}$` } as const;
    const answer = await whileHeld(world.sandbox, held, () => click(party, review, 'seats.change'), () => {
      world.sandbox.knobs.set({ dropConnections: { count: 2, pathPattern: `${CONTOSO_E5_SUBSCRIPTION_ID}$`, afterProcessing: true } });
    });
    await bot.app.background.idle();
    expect(text(answer)).toContain('Checking with Partner Center');
    expect(text(answer)).not.toContain('Nothing was');
    const lost = e5Patches().slice(before);
    expect(lost.map((patch) => patch.status)).toEqual([0, 0]);
    expect(lost.map((patch) => (patch.body as Record<string, unknown>)['quantity'])).toEqual([17, 17]);
    expect(new Set(lost.map((patch) => patch.headers['ms-requestid'])).size).toBe(1);

    world.clock.advance(5_000);
    await bot.app.background.idle();
    expect(e5Patches()).toHaveLength(before + 2);
    const update = world.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === party.chat.id).at(-1);
    expect(text((update?.body.attachments as { content: Record<string, unknown> }[])[0]!.content)).toContain('19 → 17 licences');
  });
});
