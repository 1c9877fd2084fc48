// First: telemetry must be running before the modules below load Node's http module.
import { telemetry } from './telemetry/early-start';
import { startApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { connectPartnerCenter } from './connect-partner-center';
import { routeConsoleToLog } from './console-to-log';
import { logProcessErrors } from './lifecycle/process-errors';
import { stopOnSignals } from './lifecycle/stop-on-signals';
import { createLogger } from './logger';
import { checkPartnerCenter } from './partner-center/self-check';
import { PLAYGROUND_PORT, startPlayground } from './playground';
import { readableDestination } from './readable-log';
import { createStorage } from './store/create-storage';
import { placeEveryJournal } from './store/embedded-backend';

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Partner Cart cannot start. ${error.message}\nSee the Configuration table in README.md.\n`);
    process.exit(1);
  }
}

/** Composition root: read config, build every part, start the server (docs/architecture.md). */
async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel, process.stdout.isTTY ? readableDestination(process.stdout) : undefined);
  routeConsoleToLog(log);
  logProcessErrors(log);
  log.info(
    {
      mode: config.localMode ? 'local' : 'production',
      botAuthentication: config.localMode ? 'off (MicrosoftAppId is empty)' : 'Bot Framework tokens required',
      telemetry: telemetry ? 'Application Insights (OpenTelemetry)' : 'off (APPLICATIONINSIGHTS_CONNECTION_STRING is unset)',
    },
    'starting Partner Cart',
  );

  const storage = await createStorage(config.storage);
  log.info({ storage: storage.describe() }, 'storage ready');

  const partnerCenter = await connectPartnerCenter(config.partnerCenter, { storage, log });
  log.info(
    { partnerCenter: partnerCenter.baseUrl, auth: partnerCenter.mode },
    config.partnerCenter.mode === 'sandbox'
      ? 'Partner Center: embedded sandbox, for local use only (nothing real is bought; set PARTNER_CENTER_BASE_URL for the real service)'
      : 'Partner Center: live service',
  );

  const [app, check] = await Promise.all([
    startApp(
      // Local mode answers unauthenticated requests, so it is reachable from this machine only.
      { config, storage, partnerCenterBaseUrl: partnerCenter.baseUrl, tokenProvider: partnerCenter.tokenProvider, log, host: config.localMode ? '127.0.0.1' : undefined },
      config.port,
    ),
    checkPartnerCenter(partnerCenter),
  ]);
  app.readiness.recordSelfCheck(check);
  if (check.ok) log.info(check.fields, check.summary);
  else log.error(check.fields, check.summary);
  log.info({ host: config.host ?? 'every interface', port: app.port, endpoint: '/api/messages', health: '/healthz', ready: '/readyz' }, 'bot listening');

  const playground = config.playground ? await startPlayground(app.port, log) : undefined;
  if (playground) log.info({ url: `http://localhost:${PLAYGROUND_PORT}` }, 'Agents Playground: open this URL in a browser and type "new cart"');
  else if (config.localMode) log.info({}, 'Agents Playground is off (PLAYGROUND=off)');

  stopOnSignals(app, {
    deadlineMs: config.shutdownTimeoutMs,
    log,
    cleanup: async () => {
      playground?.kill();
      await partnerCenter.close();
      await placeEveryJournal();
      await telemetry?.shutdown();
    },
  });
}

main().catch((error: unknown) => {
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  const reason = inUse ? `PORT ${process.env.PORT ?? 3978} is already in use: stop the other process or set PORT to a free port` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`Partner Cart could not start: ${reason}\n`);
  process.exit(1);
});
