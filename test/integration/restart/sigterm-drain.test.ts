import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PurchaseRepository } from '../../../src/flows/purchase/purchase-repository';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { createStorage } from '../../../src/store/create-storage';
import { isJournalFileName, JOURNAL_FOLDER } from '../../../src/store/journal-lines';
import { text } from '../bot/card-helpers';
import { inProcessSandboxEnvironment, startChildBot, type ChildBot } from '../harness/child-bot';
import { FakeConnector, type ConnectorCall } from '../harness/fake-connector';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { checkoutAnswered, checkoutInFlight } from './checkout-in-flight';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '77777777-7777-4777-8777-777777777777', name: 'Rita Rep', tenantId: 'partner-tenant' };
const DEADLINE_MS = 20_000;

const orderPlacedFor = (cardId: string) => (c: ConnectorCall) =>
  c.method === 'PUT' && c.activityId === cardId && text(c.body).includes('Order placed for Contoso Ltd');

describe('SIGTERM while a checkout is in flight (embedded store, the bot as a child process)', () => {
  let dataDir: string;
  let sandbox: RunningSandbox;
  let connector: FakeConnector;
  const running: ChildBot[] = [];
  const startBot = async (env: Record<string, string> = {}) => {
    const bot = await startChildBot({ DATA_DIR: dataDir, ...inProcessSandboxEnvironment(sandbox, dataDir), ...env });
    running.push(bot);
    return bot;
  };
  const statusOf = async (purchaseId: string) =>
    (await new PurchaseRepository(await createStorage({ kind: 'embedded', dataDir }), () => []).load(purchaseId))?.purchase.status;
  const checkoutOf = (bot: ChildBot, chat: TeamsConversation, checkoutMs: number) =>
    checkoutInFlight(bot.teams(connector.serviceUrl), connector, sandbox, rep, chat, checkoutMs);
  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'partner-cart-sigterm-'));
    sandbox = await startSandbox({ port: 0 });
    connector = new FakeConnector();
    await connector.start();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((bot) => bot.kill('SIGKILL')));
    await connector.stop();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('turns away new turns at once, lets the checkout finish and update the card, then exits 0', async () => {
    const bot = await startBot({ LOG_LEVEL: 'info' });
    const base = `http://127.0.0.1:${bot.port}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const chat: TeamsConversation = { id: 'a:personal-sigterm', conversationType: 'personal' };
    const confirmation = await checkoutOf(bot, chat, 2_500);

    bot.signal('SIGTERM');
    // A signal is handled on the child's next event-loop turn: a request sent at once could be served first.
    await bot.lineMatching((line) => line.includes('stopping: no new turns'), 5_000);
    const readyz = await fetch(`${base}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toMatchObject({ ready: false, failed: ['shutdown'], checks: { shutdown: { ok: false } } });
    const refused = await fetch(`${base}/api/messages`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'new cart' }),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // All of this while the checkout is still waiting for Partner Center.
    expect(connector.calls.some(orderPlacedFor(confirmation.cardId))).toBe(false);

    expect(await bot.exited).toBe(0);
    // A clean stop writes every document out: the next start has no journal to adopt.
    expect(readdirSync(path.join(dataDir, JOURNAL_FOLDER)).filter(isJournalFileName)).toEqual([]);
    expect(connector.calls.some(orderPlacedFor(confirmation.cardId))).toBe(true);
    expect(await statusOf(confirmation.purchaseId)).toBe('ordered');
  }, 60_000);

  it('exits 1 at SHUTDOWN_TIMEOUT_SECONDS and the next process finishes the checkout once', async () => {
    const bot = await startBot({ SHUTDOWN_TIMEOUT_SECONDS: '1' });
    const chat: TeamsConversation = { id: 'a:personal-sigterm-deadline', conversationType: 'personal' };
    const confirmation = await checkoutOf(bot, chat, 5_000);

    bot.signal('SIGTERM');
    expect(await bot.exited).toBe(1);
    expect(connector.calls.some(orderPlacedFor(confirmation.cardId))).toBe(false);
    expect(await statusOf(confirmation.purchaseId)).toBe('checking_out');
    sandbox.knobs.reset();
    await checkoutAnswered(sandbox, DEADLINE_MS);

    await startBot();
    await connector.callMatching(orderPlacedFor(confirmation.cardId), DEADLINE_MS);
    const checkouts = sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/checkout'));
    expect(new Set(checkouts.map((r) => r.headers['ms-requestid'])).size).toBe(1);
    expect(await statusOf(confirmation.purchaseId)).toBe('ordered');
  }, 60_000);
});
