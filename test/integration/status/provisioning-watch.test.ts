import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { createStorage } from '../../../src/store/create-storage';
import type { VersionedStorage } from '../../../src/store/storage';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, text } from '../bot/card-helpers';
import { driveToConfirmation } from '../bot/drive-to-confirmation';
import type { BotUnderTest } from '../harness/bot-under-test';
import { FakeConnector } from '../harness/fake-connector';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { startClockedBot, type ClockedBot } from './clocked-bot';
import { ManualClock } from './manual-clock';

const rep: TeamsUser = { id: '29:watch-rep', aadObjectId: 'b0000000-0000-4000-8000-000000000001', name: 'Wanda Watch', tenantId: 'partner-tenant' };
/** A colleague in the partner's tenant who did not place the order and was not in its conversation. */
const outsider: TeamsUser = { id: '29:outsider', aadObjectId: 'b0000000-0000-4000-8000-000000000002', name: 'Colleague', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:watch-chat', conversationType: 'personal' };
const PROVISIONING_MS = 90_000;

describe('the provisioning watch', () => {
  const clock = new ManualClock(new Date());
  const connector = new FakeConnector();
  let sandbox: RunningSandbox;
  let storage: VersionedStorage;
  beforeAll(async () => {
    await connector.start();
    sandbox = await startSandbox({ port: 0, now: clock.now, provisioningDelayMs: PROVISIONING_MS });
    storage = await createStorage({ kind: 'memory' });
  });
  afterAll(async () => {
    await sandbox.close();
    await connector.stop();
  });

  const asHarness = (bot: ClockedBot): BotUnderTest => ({ ...bot, sandbox, connector, storage, stop: () => bot.app.close() });
  const updatesOfResultCard = () => connector.calls.filter((c) => c.method === 'PUT' && c.activityId === 'activity-1' && text(c.body).includes('Status: completed'));
  const orderReads = () => sandbox.requests.filter((r) => r.method === 'GET' && /\/orders\/[0-9a-f]{12}$/.test(r.path));

  it('follows a placed order from pending to completed across a restart and updates the result card once', async () => {
    const first = await startClockedBot({ clock, sandbox, storage, connector });
    const confirm = await driveToConfirmation(asHarness(first), rep, chat);
    const placed = await first.teams.execute(rep, chat, 'activity-1', 'cart.placeOrder', { ...actionsOf(confirm).get('cart.placeOrder')!, attestPartnerOfRecord: 'true' });
    await first.app.background.idle();
    const result = placed.body.value;
    expect(text(result)).toContain('subscription being provisioned');
    const orderId = /Order ([0-9a-f]{12})/.exec(text(result))![1];

    // 30 s later Partner Center is still provisioning: one read, no card update.
    clock.advance(30_000);
    await first.app.background.idle();
    expect(orderReads()).toHaveLength(1);
    expect(updatesOfResultCard()).toHaveLength(0);

    // The bot restarts; the stored watch is picked up by the new process.
    await first.app.close();
    const second = await startClockedBot({ clock, sandbox, storage, connector });
    clock.advance(PROVISIONING_MS - 30_000);
    await second.app.background.idle();
    const [update] = updatesOfResultCard();
    expect(update).toBeDefined();
    expect(text(update.body)).toContain(`Order ${orderId}`);
    expect(text(update.body)).toContain('Status: completed');
    expect(text(update.body)).toContain('the subscriptions are ready');
    expect(text(update.body)).toMatch(/2 × [^:]+: subscription created/);
    expect(text(update.body)).toMatch(/: subscription [0-9a-f-]{36}/);

    // Settled: no more polling, no second update.
    clock.advance(60 * 60_000);
    await second.app.background.idle();
    expect(clock.scheduled).toBe(0);
    expect(orderReads()).toHaveLength(2);
    expect(updatesOfResultCard()).toHaveLength(1);

    // `status <order id>` reads the order and its subscriptions; someone else is not told it exists.
    await second.teams.message(rep, chat, `status ${orderId}`);
    const status = connector.cardsIn(chat.id).at(-1)!;
    expect(text(status)).toContain('Status: completed');
    expect(text(status)).toContain('Subscription: active');
    expect(text(status)).toMatch(/: subscription [0-9a-f-]{36}/);
    await second.teams.message(outsider, { id: 'a:outsider-chat', conversationType: 'personal' }, `status ${orderId}`);
    expect(text(connector.cardsIn('a:outsider-chat').at(-1)!)).toContain('Order not found');

    for (const card of connector.cardsIn(chat.id)) expect(adaptiveCardProblems(card)).toEqual([]);
    await second.app.close();
  });
});
