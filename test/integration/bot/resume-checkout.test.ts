import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { createStorage } from '../../../src/store/create-storage';
import { startBotUnderTest } from '../harness/bot-under-test';
import { FakeConnector } from '../harness/fake-connector';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, text } from './card-helpers';
import { driveToConfirmation } from './drive-to-confirmation';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '33333333-3333-4333-8333-333333333333', name: 'Rita Rep', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:personal-resume', conversationType: 'personal' };

describe('a checkout interrupted by a crash', () => {
  let dataDir: string;
  let sandbox: RunningSandbox;
  const connector = new FakeConnector();
  beforeAll(async () => {
    await connector.start();
    dataDir = mkdtempSync(path.join(tmpdir(), 'partner-cart-resume-'));
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is finished by the next bot process with exactly one Partner Center checkout', async () => {
    const first = await startBotUnderTest({ sandbox, connector, storage: await createStorage({ kind: 'embedded', dataDir }) });
    const confirm = await driveToConfirmation(first, rep, chat);
    const ref = actionsOf(confirm).get('cart.placeOrder')!;
    // The process dies right after the gate was written (status checking_out), before Partner Center was called.
    const loaded = (await first.app.purchases.load(String(ref.purchaseId)))!;
    await first.app.purchases.save(
      loaded,
      {
        ...loaded.purchase,
        status: 'checking_out',
        cardActivityId: 'activity-1',
        checkout: {
          updateRequestId: 'f1e2d3c4-0000-4000-8000-000000000001', checkoutRequestId: 'f1e2d3c4-0000-4000-8000-000000000002',
          startedAt: new Date().toISOString(), startedBy: { aadObjectId: rep.aadObjectId, tenantId: rep.tenantId, name: rep.name, userId: rep.id },
          attestation: { partnerOfRecord: true, lines: false },
        },
      },
      { action: 'checkout.started', actor: { aadObjectId: rep.aadObjectId, tenantId: rep.tenantId, name: rep.name, userId: rep.id } },
    );
    await first.stop();

    const second = await startBotUnderTest({ sandbox, connector, storage: await createStorage({ kind: 'embedded', dataDir }) });
    await second.app.background.idle();
    const purchase = (await second.app.purchases.load(String(ref.purchaseId)))!.purchase;
    expect(purchase.status).toBe('ordered');
    expect(sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/checkout'))).toHaveLength(1);
    const update = [...connector.calls].reverse().find((c) => c.method === 'PUT' && c.activityId === 'activity-1');
    expect(text(update!.body)).toContain('Order placed for Contoso Ltd');
    const trail = await second.app.audit.listFor({ purchaseId: purchase.id });
    expect(trail.map((r) => r.action).slice(-2)).toEqual(['checkout.started', 'checkout.ordered']);
    await second.stop();
  });
});
