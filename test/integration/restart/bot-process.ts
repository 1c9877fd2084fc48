// First, as in src/index.ts: telemetry must be running before the modules below load Node's http module.
import { telemetry } from '../../../src/telemetry/early-start';
import { z } from 'zod';
import { startApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { routeConsoleToLog } from '../../../src/console-to-log';
import { logProcessErrors } from '../../../src/lifecycle/process-errors';
import { stopOnSignals } from '../../../src/lifecycle/stop-on-signals';
import { createLogger } from '../../../src/logger';
import { noToken } from '../../../src/partner-center';
import { checkPartnerCenter } from '../../../src/partner-center/self-check';
import { createStorage } from '../../../src/store/create-storage';

/**
 * The bot as a process of its own, composed as src/index.ts composes it (config from the environment →
 * storage → startApp → self-check; telemetry, console output, process errors and SIGTERM handled alike), so a test
 * can signal it and read its output. One difference: PARTNER_CENTER_BASE_URL names the sandbox the test
 * runs and no token is sent. src/index.ts treats that variable as the live service and
 * asks Entra ID for a token, which an offline test cannot get; its embedded sandbox would die with the
 * process and take the half-placed order with it.
 */
async function main(): Promise<void> {
  const { PARTNER_CENTER_BASE_URL: sandboxUrl, ...environment } = process.env;
  const partnerCenterBaseUrl = z.url().parse(sandboxUrl);
  const config = loadConfig(environment);
  const log = createLogger(config.logLevel);
  routeConsoleToLog(log);
  logProcessErrors(log);
  const storage = await createStorage(config.storage);
  const app = await startApp({ config, storage, partnerCenterBaseUrl, tokenProvider: noToken, log, host: '127.0.0.1' }, config.port);
  stopOnSignals(app, { deadlineMs: config.shutdownTimeoutMs, log, cleanup: () => telemetry?.shutdown() });
  log.info({ port: app.port, storage: storage.describe() }, 'bot listening');
  app.readiness.recordSelfCheck(await checkPartnerCenter({ baseUrl: partnerCenterBaseUrl, mode: 'sandbox', tokenProvider: noToken }));
}

main().catch((error: unknown) => {
  process.stderr.write(`bot process could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
