import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsUser } from '../harness/teams-client';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, text, type Card } from '../bot/card-helpers';
import { asRecord, SandboxClient } from '../sandbox/sandbox-client';
import { click, type TourParty } from '../../support/purchase-tour';
import { openContosoE5 } from '../../support/seats-tour';
import { whileHeld } from '../../support/held-request';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:seats-conflict-rep', aadObjectId: 'a0000000-0000-4000-8000-000000000071', name: 'Cora Conflict', tenantId: 'partner-tenant' };
const E5_PATH = `/v1/customers/${CONTOSO_ID}/subscriptions/${CONTOSO_E5_SUBSCRIPTION_ID}`;

describe('someone else changes the subscription while a rep changes its seats', () => {
  let bot: BotUnderTest;
  let sandbox: SandboxClient;
  const seen: Card[] = [];
  beforeAll(async () => {
    bot = await startBotUnderTest();
    sandbox = new SandboxClient(bot.sandbox);
  });
  afterAll(async () => {
    for (const card of seen) expect(adaptiveCardProblems(card)).toEqual([]);
    await bot.stop();
  });

  const botPatches = () => bot.sandbox.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(CONTOSO_E5_SUBSCRIPTION_ID) && !r.headers['x-test-party']);
  const quantityNow = async () => Number(asRecord((await sandbox.get(E5_PATH)).body)['quantity']);
  /** Another party (the portal, another tool) sets a new total the way Partner Center's clients do: read, then PATCH with If-Match. */
  async function otherPartySets(quantity: number): Promise<void> {
    const read = await sandbox.get(E5_PATH);
    const etag = String(asRecord(asRecord(read.body)['attributes'])['etag']);
    const patched = await sandbox.call('PATCH', E5_PATH, { ...asRecord(read.body), quantity }, { 'If-Match': etag, 'X-Test-Party': 'portal' });
    expect(patched.status).toBe(200);
  }
  async function reviewed(party: TourParty, quantity: string): Promise<Card> {
    const review = await click(party, (await openContosoE5(party)).quantity, 'seats.review', { quantity });
    seen.push(review);
    return review;
  }

  it('gets 412 when the subscription changed between its read and its PATCH, shows the rep the new state and overwrites nothing', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-412', conversationType: 'personal' }, locale: 'en-US' };
    const review = await reviewed(party, '20');
    const held = { method: 'PATCH', pathPattern: `${CONTOSO_E5_SUBSCRIPTION_ID}$` } as const;
    // The bot has read the subscription (and its etag); its PATCH waits at the door while the portal sets 17.
    const answer = await whileHeld(bot.sandbox, held, () => click(party, review, 'seats.change'), () => otherPartySets(17));
    await bot.app.background.idle();
    seen.push(answer);

    const sent = botPatches();
    expect(sent.map((patch) => patch.status)).toEqual([412]);
    expect(asRecord(sent[0]!.body)['quantity']).toBe(20);
    expect(await quantityNow()).toBe(17);
    expect(text(answer)).toContain('Changed in the meantime');
    expect(text(answer)).toContain('it now has 17 licences (active)');
    expect(text(answer)).toContain('Yours was not applied');
    expect(text(answer)).not.toContain('Seats changed');

    const again = await click(party, answer, 'seats.back');
    seen.push(again);
    expect(text(again)).toContain('17 licences now');
    expect(text(again)).toContain('"value":17');
    expect(botPatches()).toHaveLength(1);
  });

  it('sends nothing when the subscription changed between the review and "Change seats", and shows the new state', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-changed-before', conversationType: 'personal' }, locale: 'en-US' };
    const review = await reviewed(party, '15');
    expect(text(review)).toContain('17 → 15 licences');
    await otherPartySets(16);
    const answer = await click(party, review, 'seats.change');
    await bot.app.background.idle();
    seen.push(answer);
    expect(botPatches()).toHaveLength(1);
    expect(await quantityNow()).toBe(16);
    expect(text(answer)).toContain('it now has 16 licences (active)');
    expect(actionsOf(answer).has('seats.back')).toBe(true);
  });
});
