import { startApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { createClientCredentialsTokenProvider, noToken, type AccessTokenProvider } from './partner-center';
import { PLAYGROUND_PORT, startPlayground } from './playground';
import { startSandbox, type RunningSandbox } from './sandbox';
import { createStorage } from './store/create-storage';

/** Composition root: read config, build every part, start the server (design.md). */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  log.info({ mode: config.localMode ? 'local (no Bot Framework authentication)' : 'production (Bot Framework tokens required)' }, 'starting Partner Cart');

  const storage = await createStorage(config.storage);
  log.info({ storage: storage.describe() }, 'storage ready');

  let sandbox: RunningSandbox | undefined;
  let baseUrl: string;
  let tokenProvider: AccessTokenProvider;
  if (config.partnerCenter.mode === 'sandbox') {
    sandbox = await startSandbox({ port: 0, provisioningDelayMs: 60_000 });
    baseUrl = sandbox.baseUrl;
    tokenProvider = noToken;
    log.info({ partnerCenter: baseUrl }, 'Partner Center: embedded sandbox (set PARTNER_CENTER_BASE_URL for the real service)');
  } else {
    const pc = config.partnerCenter;
    baseUrl = pc.baseUrl;
    tokenProvider = createClientCredentialsTokenProvider({
      tenantId: pc.tenantId,
      clientId: pc.clientId,
      credential: pc.credential.kind === 'secret' ? { clientSecret: pc.credential.secret } : { certificate: { path: pc.credential.path } },
      scope: pc.scope,
    });
    log.info({ partnerCenter: baseUrl, tenant: pc.tenantId, auth: `app-only (${pc.credential.kind})` }, 'Partner Center: live service');
  }

  const app = await startApp({ config, storage, partnerCenterBaseUrl: baseUrl, tokenProvider, log }, config.port);
  log.info({ endpoint: `http://127.0.0.1:${app.port}/api/messages` }, 'bot listening');
  const playground = config.playground ? startPlayground(app.port, log) : undefined;
  if (playground) log.info({ url: `http://localhost:${PLAYGROUND_PORT}` }, 'Agents Playground: open this URL in a browser and type "new cart"');

  const stop = async () => {
    log.info({}, 'stopping');
    playground?.kill();
    await app.close();
    await sandbox?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Partner Cart could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
