import pino from 'pino';
import { startApp, type AppParts, type RunningApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { UsageLimits } from '../../../src/flows/limits/usage-limits';
import type { WatchTimer } from '../../../src/flows/timing/watch-timer';
import { sandboxTokenProvider } from '../../../src/connect-partner-center';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { createStorage } from '../../../src/store/create-storage';
import type { VersionedStorage } from '../../../src/store/storage';
import { FakeConnector } from './fake-connector';
import { LOCAL_TEST_ENVIRONMENT } from './local-environment';
import { TeamsClient } from './teams-client';

export interface BotUnderTest {
  app: RunningApp;
  sandbox: RunningSandbox;
  connector: FakeConnector;
  teams: TeamsClient;
  storage: VersionedStorage;
  stop(): Promise<void>;
}

/**
 * Tests drive one user through dozens of carts in seconds; the per-user limits are tested on their own
 * (test/integration/trust/search-flood.test.ts passes the real ones).
 */
const UNLIMITED = { search: { capacity: 1e6, perSecond: 1e6 }, draft: { capacity: 1e6, perSecond: 1e6 } };

/** The real bot on a free port, talking to the real sandbox over HTTP and to a local Bot Connector. */
export async function startBotUnderTest(
  options: {
    env?: Record<string, string>; storage?: VersionedStorage; answerBudgetMs?: number; sandbox?: RunningSandbox; connector?: FakeConnector;
    /** The bot's clock, e.g. to see a cart after its expiry without waiting. */
    now?: () => Date;
    /** Runs the provisioning watch and the outcome resolver (and, unless `now` is given, is the bot's clock). */
    timer?: WatchTimer;
  } & Pick<AppParts, 'outbound' | 'partnerCenterRetry' | 'usageLimits'> = {},
): Promise<BotUnderTest> {
  // Shared when a test restarts the bot: Teams keeps the same service URL across bot restarts.
  const connector = options.connector ?? new FakeConnector();
  if (!options.connector) await connector.start();
  const sandbox = options.sandbox ?? (await startSandbox({ port: 0 }));
  const storage = options.storage ?? (await createStorage({ kind: 'memory' }));
  const config = loadConfig({ ...LOCAL_TEST_ENVIRONMENT, ...(options.env ?? {}) });
  const app = await startApp(
    { config, storage, partnerCenterBaseUrl: sandbox.baseUrl, tokenProvider: sandboxTokenProvider(sandbox), log: pino({ level: 'silent' }), answerBudgetMs: options.answerBudgetMs ?? 5000,
      now: options.now ?? options.timer?.now, provisioningTimer: options.timer,
      outbound: options.outbound, partnerCenterRetry: options.partnerCenterRetry, host: '127.0.0.1', usageLimits: options.usageLimits ?? new UsageLimits(UNLIMITED) },
    0,
  );
  const teams = new TeamsClient(`http://127.0.0.1:${app.port}/api/messages`, connector.serviceUrl);
  return {
    app, sandbox, connector, teams, storage,
    async stop() {
      await app.close();
      if (!options.sandbox) await sandbox.close();
      if (!options.connector) await connector.stop();
    },
  };
}
