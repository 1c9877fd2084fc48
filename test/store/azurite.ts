import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Azurite's published development account (see Azurite's README); not a secret. */
const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const READY_TIMEOUT_MS = 15_000;

export interface RunningAzurite {
  connectionString: string;
  /** The account's blob endpoint, as AZURE_STORAGE_ACCOUNT_URL takes it. */
  accountUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts an in-memory Azurite blob service on a port the OS picks (`--blobPort 0`) and resolves
 * once it logs the port it listens on. With `https` (PEM files), it serves TLS and also accepts Entra ID
 * bearer tokens (`--oauth basic`: Azurite checks their audience, issuer and lifetime, not the signature).
 */
export async function startAzurite(https?: { certFile: string; keyFile: string }): Promise<RunningAzurite> {
  const child = spawn(
    process.execPath,
    [
      require.resolve('azurite/dist/src/blob/main.js'),
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--inMemoryPersistence',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      ...(https ? ['--cert', https.certFile, '--key', https.keyFile, '--oauth', 'basic'] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await listeningPort(child);
  const protocol = https ? 'https' : 'http';
  const accountUrl = `${protocol}://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  return {
    connectionString: `DefaultEndpointsProtocol=${protocol};AccountName=${DEV_ACCOUNT};AccountKey=${DEV_ACCOUNT_KEY};BlobEndpoint=${accountUrl};`,
    accountUrl,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start: ${reason}\n${output}`));
    };
    const timer = setTimeout(() => fail(`no port after ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /successfully listens on https?:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => fail(`it exited with ${code}`));
    child.once('error', (error) => fail(error.message));
  });
}
