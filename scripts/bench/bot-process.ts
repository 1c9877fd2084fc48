import { z } from 'zod';
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { connectPartnerCenter } from '../../src/connect-partner-center';
import { createStorage } from '../../src/store/create-storage';
import { serveParent } from './child-protocol';

/** The tenant of purchase-driver.ts's reps. */
const BENCH_TENANT = 'partner-tenant';

const benchEnvironment = z.object({
  BENCH_STORAGE: z.enum(['memory', 'embedded', 'azure-blob']).default('embedded'),
});

/**
 * The real bot as `npm start` composes it (config → storage → Partner Center → startApp; `azure-blob` is
 * the configured storage given AZURE_STORAGE_*, as in Azure); Partner Center
 * is the sandbox running in its own process (PARTNER_CENTER_* from its start-up lines), so its work does
 * not share this event loop.
 */
async function main(): Promise<void> {
  const bench = benchEnvironment.parse(process.env);
  const config = loadConfig({ HOST: '127.0.0.1', ALLOWED_TENANT_IDS: BENCH_TENANT, ...process.env, PLAYGROUND: 'off' });
  const storage = await createStorage(bench.BENCH_STORAGE === 'memory' ? { kind: 'memory' } : config.storage);
  const log = createLogger(config.logLevel);
  const partnerCenter = await connectPartnerCenter(config.partnerCenter, { storage, log });
  const app = await startApp({ config, storage, partnerCenterBaseUrl: partnerCenter.baseUrl, tokenProvider: partnerCenter.tokenProvider, log, host: '127.0.0.1' }, 0);
  serveParent(app.port, { idle: () => app.background.idle(), close: () => app.close() });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench bot could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
