import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { inProcessSandboxEnvironment, startChildBot, type ChildBot } from '../harness/child-bot';
import { FakeConnector } from '../harness/fake-connector';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { INGESTION_CA_FILE, startIngestionEndpoint, type Envelope, type IngestionEndpoint } from './ingestion-endpoint';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '99999999-9999-4999-8999-999999999999', name: 'Rita Rep', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:personal-azure-monitor', conversationType: 'personal' };

const named = (envelopes: Envelope[], baseType: string, name: string) =>
  envelopes.filter((e) => e.data.baseType === baseType && e.data.baseData.name === name);

describe('APPLICATIONINSIGHTS_CONNECTION_STRING: the bot process exports through the Azure Monitor distro', () => {
  let dataDir: string;
  let sandbox: RunningSandbox;
  let ingestion: IngestionEndpoint;
  const connector = new FakeConnector();
  let bot: ChildBot;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'partner-cart-telemetry-'));
    sandbox = await startSandbox({ port: 0 });
    ingestion = await startIngestionEndpoint();
    await connector.start();
    const sandboxEnv = inProcessSandboxEnvironment(sandbox, dataDir);
    // NODE_EXTRA_CA_CERTS takes one file: the bot must trust both the sandbox's and the ingestion endpoint's certificates.
    const trusted = path.join(dataDir, 'trusted-certificates.pem');
    writeFileSync(trusted, `${readFileSync(sandboxEnv.NODE_EXTRA_CA_CERTS, 'utf8')}\n${readFileSync(INGESTION_CA_FILE, 'utf8')}`);
    bot = await startChildBot({
      DATA_DIR: dataDir, ...sandboxEnv,
      APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString,
      // Statsbeat reports to Microsoft's own endpoint, not the connection string's: off in tests.
      APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
      NODE_EXTRA_CA_CERTS: trusted,
    });
  });
  afterAll(async () => {
    await bot.kill('SIGKILL');
    await connector.stop();
    await sandbox.close();
    await ingestion.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends the request, the turn span, the Partner Center span and the metrics to the ingestion endpoint, and flushes them on SIGTERM', async () => {
    expect((await fetch(`http://127.0.0.1:${bot.port}/readyz`)).status).toBe(200);
    expect(await bot.teams(connector.serviceUrl).message(rep, chat, 'new cart')).toBe(200);
    bot.signal('SIGTERM');
    expect(await bot.exited).toBe(0);

    const envelopes = ingestion.envelopes;
    const requests = named(envelopes, 'RequestData', 'POST /api/messages');
    expect(requests).toHaveLength(1);
    const [turn] = named(envelopes, 'RemoteDependencyData', 'turn message');
    expect(turn?.data.baseData.properties).toMatchObject({ 'bot.command': 'new cart', 'bot.conversation.type': 'personal', 'bot.turn.outcome': 'ok' });
    // The turn belongs to the request's operation, so Application Insights shows it under that request.
    expect(turn?.tags?.['ai.operation.id']).toBe(requests[0]!.tags?.['ai.operation.id']);
    // The start-up self-check is the process's first Partner Center call.
    const [selfCheck] = named(envelopes, 'RemoteDependencyData', 'Partner Center GET /customers');
    const [received] = sandbox.requests;
    expect(selfCheck?.data.baseData.properties).toMatchObject({ 'partner_center.request_id': received!.headers['ms-requestid'], 'url.template': '/customers' });
    const metricNames = envelopes.filter((e) => e.data.baseType === 'MetricData').flatMap((e) => (e.data.baseData as { metrics?: { name: string }[] }).metrics ?? []).map((m) => m.name);
    expect(metricNames).toContain('partner_cart.partner_center.duration');
    // Probes are not requests worth keeping.
    expect(envelopes.filter((e) => e.data.baseType === 'RequestData' && /readyz|healthz/.test(JSON.stringify(e.data.baseData)))).toEqual([]);
    expect(bot.errors()).toBe('');
  }, 60_000);
});
