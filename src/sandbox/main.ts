import { startSandbox } from './index';

const DEFAULT_PORT = 3979;

/** `npm run sandbox`: the local Partner Center on SANDBOX_PORT until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const port = process.env['SANDBOX_PORT'] ? Number(process.env['SANDBOX_PORT']) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SANDBOX_PORT must be a port number, got "${process.env['SANDBOX_PORT']}"`);
  const sandbox = await startSandbox({ port });
  process.stdout.write(`Partner Center sandbox listening on ${sandbox.baseUrl} (API under ${sandbox.baseUrl}/v1, controls under /_sandbox)\n`);
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
