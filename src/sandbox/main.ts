import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CERTIFICATE_FILE } from './durable/secrets-file';
import { SHARED_SANDBOX_CREDENTIALS, startSandbox } from './index';

const DEFAULT_PORT = 3979;

/**
 * `npm run sandbox`: one Partner Center that several bot processes can share, on SANDBOX_PORT until
 * SIGINT/SIGTERM, with the published test credentials. With SANDBOX_DATA_DIR its state survives a
 * restart; without it, it starts afresh each time (its certificate then lives in a temporary folder).
 */
async function main(): Promise<void> {
  const port = process.env['SANDBOX_PORT'] ? Number(process.env['SANDBOX_PORT']) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SANDBOX_PORT must be a port number, got "${process.env['SANDBOX_PORT']}"`);
  const configured = process.env['SANDBOX_DATA_DIR']?.trim();
  const dataDir = configured ? path.resolve(configured) : mkdtempSync(path.join(tmpdir(), 'partner-center-sandbox-'));
  const sandbox = await startSandbox({ port, credentials: SHARED_SANDBOX_CREDENTIALS, dataDir });
  const { tenantId, clientId } = sandbox.credentials;
  process.stdout.write(
    [
      `Partner Center sandbox listening on ${sandbox.baseUrl} (API under ${sandbox.baseUrl}/v1, controls under /_sandbox)`,
      `State: ${configured ? `${dataDir} (kept across restarts)` : 'not kept (set SANDBOX_DATA_DIR to keep it)'}`,
      'Point a bot at it (the client secret is in README.md, "A shared sandbox"):',
      `  PARTNER_CENTER_BASE_URL=${sandbox.baseUrl} PARTNER_CENTER_AUTHORITY=${sandbox.authorityHost}`,
      `  PARTNER_CENTER_TENANT_ID=${tenantId} PARTNER_CENTER_CLIENT_ID=${clientId}`,
      `  NODE_EXTRA_CA_CERTS=${path.join(dataDir, CERTIFICATE_FILE)}`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
