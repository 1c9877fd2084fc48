import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PurchaseRepository } from '../../../src/flows/purchase/purchase-repository';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { AuditLog } from '../../../src/store/audit-log';
import { createStorage } from '../../../src/store/create-storage';
import { actionsOf, text } from '../bot/card-helpers';
import { inProcessSandboxEnvironment, startChildBot, type ChildBot } from '../harness/child-bot';
import { FakeConnector } from '../harness/fake-connector';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { ORDERED_PURCHASE_STEPS, placeOrderData, shownCard } from '../scale/drive-purchase';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';
import { checkoutInFlight } from './checkout-in-flight';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '66666666-6666-4666-8666-666666666666', name: 'Rita Rep', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:personal-hard-kill', conversationType: 'personal' };
/** Longer than the bot's answer budget (800 ms), so the rep sees progress while Partner Center is still working. */
const SLOW_CHECKOUT_MS = 2_500;
const DEADLINE_MS = 20_000;

describe('the bot process killed with SIGKILL in the middle of a checkout (embedded store)', () => {
  let dataDir: string;
  let sandbox: RunningSandbox;
  const connector = new FakeConnector();
  const running: ChildBot[] = [];
  const startBot = async () => {
    const bot = await startChildBot({ DATA_DIR: dataDir, ...inProcessSandboxEnvironment(sandbox, dataDir) });
    running.push(bot);
    return bot;
  };
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'partner-cart-kill-'));
    sandbox = await startSandbox({ port: 0 });
    await connector.start();
  });
  afterAll(async () => {
    await Promise.all(running.map((bot) => bot.kill('SIGTERM')));
    await connector.stop();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the order once after a restart, updates the rep card, and the rep carries on', async () => {
    const ordersOfContoso = async () =>
      ((await (await fetch(`${sandbox.baseUrl}/v1/customers/${CONTOSO_ID}/orders`, { headers: { Authorization: `Bearer ${sandbox.issueToken()}` } })).json()) as { items: { id: string }[] }).items.map((o) => o.id);
    const ordersBefore = await ordersOfContoso();

    const first = await startBot();
    const confirmation = await checkoutInFlight(first.teams(connector.serviceUrl), connector, sandbox, rep, chat, SLOW_CHECKOUT_MS);
    await first.kill('SIGKILL');
    sandbox.knobs.reset();
    expect(await fetch(`http://127.0.0.1:${first.port}/healthz`).then(() => 'alive', () => 'gone')).toBe('gone');
    expect(connector.calls.some((c) => c.method === 'PUT' && text(c.body).includes('Order placed'))).toBe(false);
    const interrupted = await new PurchaseRepository(await createStorage({ kind: 'embedded', dataDir }), () => [])
      .load(confirmation.purchaseId);
    expect(interrupted?.purchase.status).toBe('checking_out');

    const second = await startBot();
    await connector.callMatching(
      (c) => c.method === 'PUT' && c.activityId === confirmation.cardId && text(c.body).includes('Order placed for Contoso Ltd'), DEADLINE_MS,
    );
    const result = shownCard(connector, chat.id, confirmation.cardId);
    expect(text(result)).toContain('Order placed for Contoso Ltd');

    const newOrders = (await ordersOfContoso()).filter((id) => !ordersBefore.includes(id));
    expect(newOrders).toHaveLength(1);
    expect(text(result)).toContain(newOrders[0]);
    const checkouts = sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/checkout'));
    expect(new Set(checkouts.map((r) => r.headers['ms-requestid'])).size).toBe(1);

    // The rep carries on from the cards they have: the old confirmation shows the outcome, the result starts anew.
    const secondTeams = second.teams(connector.serviceUrl);
    const stale = await secondTeams.execute(rep, chat, confirmation.cardId, 'cart.placeOrder', placeOrderData(confirmation));
    expect(text(stale.body.value)).toContain('Order placed for Contoso Ltd');
    const again = await secondTeams.execute(rep, chat, confirmation.cardId, 'cart.start', actionsOf(result).get('cart.start')!);
    expect(text(again.body.value)).toContain('choose the customer');
    expect((await ordersOfContoso()).filter((id) => !ordersBefore.includes(id))).toEqual(newOrders);

    await second.kill('SIGTERM');
    const storage = await createStorage({ kind: 'embedded', dataDir });
    const purchase = (await new PurchaseRepository(storage, () => []).load(confirmation.purchaseId))!.purchase;
    expect(purchase.status).toBe('ordered');
    const trail = await new AuditLog(storage).listFor({ purchaseId: purchase.id });
    expect(trail.map((r) => r.action)).toEqual(ORDERED_PURCHASE_STEPS);
    expect(trail.at(-1)).toMatchObject({ outcome: 'succeeded', orderIds: newOrders, actor: { aadObjectId: rep.aadObjectId, name: rep.name } });
    expect(await new AuditLog(storage).listFor({ orderId: newOrders[0]! })).toEqual(trail);
  }, 60_000);
});
