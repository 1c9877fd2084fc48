import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { text } from '../bot/card-helpers';
import { startChildBot, type ChildBot } from '../harness/child-bot';
import { FakeConnector } from '../harness/fake-connector';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { startAzurite, type RunningAzurite } from '../../store/azurite';
import { driveToConfirmation, placeOrderData, shownCard } from './drive-purchase';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '77777777-7777-4777-8777-777777777777', name: 'Rita Rep', tenantId: 'partner-tenant' };
const SLOW_CHECKOUT_MS = 2_500;
const DEADLINE_MS = 30_000;
const ROOT = path.join(__dirname, '..', '..', '..');

const recordedSchema = z.array(z.object({ method: z.string(), path: z.string(), headers: z.record(z.string(), z.string()), status: z.number() }));

/**
 * The "done when", through the real entry points only: `npm run sandbox` (src/sandbox/main.ts) as
 * its own process with SANDBOX_DATA_DIR, two bot processes (src/index.ts, as `npm start` runs it) on one
 * Azurite container, configured with nothing but the variables the sandbox prints and the README gives.
 */
describe('two bot processes sharing one `npm run sandbox` and one Azurite container', () => {
  let azurite: RunningAzurite;
  let sandbox: SandboxProcess;
  let sandboxDir: string;
  const connector = new FakeConnector();
  const bots: ChildBot[] = [];

  const control = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${sandbox.baseUrl}/_sandbox/${route}`, {
      method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json();
  };
  const partnerCenter = async (route: string): Promise<unknown> => {
    const token = await sandbox.tokens.getAccessToken();
    return (await fetch(`${sandbox.baseUrl}/v1${route}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  };
  const ordersOfContoso = async () => z.object({ items: z.array(z.object({ id: z.string() })) }).parse(await partnerCenter(`/customers/${CONTOSO_ID}/orders`)).items.map((o) => o.id);
  const startBot = async () => {
    const bot = await startChildBot({
      ...sandbox.botEnvironment(),
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: `shared-sandbox-${process.pid}`,
    });
    bots.push(bot);
    return bot;
  };

  beforeAll(async () => {
    sandboxDir = mkdtempSync(path.join(tmpdir(), 'shared-sandbox-'));
    const tsx = pathToFileURL(require.resolve('tsx')).href;
    [azurite, sandbox] = await Promise.all([
      startAzurite(),
      startSandboxProcess(['--import', tsx, path.join(ROOT, 'src', 'sandbox', 'main.ts')], { ...process.env, SANDBOX_PORT: '0', SANDBOX_DATA_DIR: sandboxDir }),
    ]);
    await connector.start();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.kill('SIGTERM')));
    await Promise.all([connector.stop(), sandbox?.stop(), azurite?.stop()]);
    rmSync(sandboxDir, { recursive: true, force: true });
  });

  it('alternate turns, check out once, and resume with the same MS-RequestId after a SIGKILL mid-checkout', async () => {
    const ordersBefore = await ordersOfContoso();
    const [first, other] = await Promise.all([startBot(), startBot()]);
    const chat: TeamsConversation = { id: 'a:personal-shared-sandbox', conversationType: 'personal' };
    const confirmation = await driveToConfirmation([first!.teams(connector.serviceUrl), other!.teams(connector.serviceUrl)], connector, rep, chat);

    await control('POST', 'knobs', { latency: { ms: SLOW_CHECKOUT_MS, pathPattern: '/checkout$' } });
    // The first checkout this sandbox sees: counted, so it is not missed if it arrives before this wait.
    const arrived = control('POST', 'arrivals', { method: 'POST', pathPattern: '/checkout$', nth: 1 });
    const answer = await first!.teams(connector.serviceUrl).execute(rep, chat, confirmation.cardId, 'cart.placeOrder', placeOrderData(confirmation));
    expect(text(answer.body.value)).toContain('Placing the order');
    await arrived;
    await first!.kill('SIGKILL');
    await control('DELETE', 'knobs');

    await startBot();
    await connector.callMatching(
      (c) => c.method === 'PUT' && c.activityId === confirmation.cardId && text(c.body).includes('Order placed for Contoso Ltd'), DEADLINE_MS,
    );
    expect(text(shownCard(connector, chat.id, confirmation.cardId))).toContain('Order placed for Contoso Ltd');

    const newOrders = (await ordersOfContoso()).filter((id) => !ordersBefore.includes(id));
    expect(newOrders).toHaveLength(1);
    const recorded = recordedSchema.parse(await control('GET', 'requests'));
    const checkouts = recorded.filter((r) => r.method === 'POST' && r.path.endsWith('/checkout'));
    expect(checkouts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(checkouts.map((r) => r.headers['ms-requestid'])).size).toBe(1);
    expect(recorded.every((r) => r.headers['authorization']?.startsWith('Bearer '))).toBe(true);
    expect(recorded.filter((r) => r.status === 401)).toEqual([]);
  }, 90_000);
});
