import pino from 'pino';
import { startApp, type RunningApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { LOCAL_TEST_ENVIRONMENT } from '../harness/local-environment';
import { sandboxTokenProvider } from '../../../src/connect-partner-center';
import type { RunningSandbox } from '../../../src/sandbox';
import type { VersionedStorage } from '../../../src/store/storage';
import type { FakeConnector } from '../harness/fake-connector';
import { TeamsClient } from '../harness/teams-client';
import type { ManualClock } from './manual-clock';

export interface ClockedBot {
  app: RunningApp;
  teams: TeamsClient;
}

/** The real app on a free port whose clock and provisioning timer are the test's `clock`. */
export async function startClockedBot(
  parts: { clock: ManualClock; sandbox: RunningSandbox; storage: VersionedStorage; connector: FakeConnector },
): Promise<ClockedBot> {
  const app = await startApp(
    {
      config: loadConfig(LOCAL_TEST_ENVIRONMENT),
      storage: parts.storage,
      partnerCenterBaseUrl: parts.sandbox.baseUrl,
      tokenProvider: sandboxTokenProvider(parts.sandbox),
      log: pino({ level: 'silent' }),
      now: parts.clock.now,
      provisioningTimer: parts.clock,
      answerBudgetMs: 5000,
      host: '127.0.0.1',
    },
    0,
  );
  return { app, teams: new TeamsClient(`http://127.0.0.1:${app.port}/api/messages`, parts.connector.serviceUrl) };
}
