import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { LOCAL_TEST_ENVIRONMENT } from './local-environment';
import type { SandboxCredentials } from '../../../src/sandbox';
import { TeamsClient } from './teams-client';

const ROOT = path.join(__dirname, '..', '..', '..');
/** The real entry point, as `npm start` runs it (through tsx instead of the compiled dist/). */
const BOT_ENTRY_POINT = path.join(ROOT, 'src', 'index.ts');
const HEALTH_POLL_MS = 50;

export interface ChildBot {
  port: number;
  /** From spawn to the first 200 from /readyz. */
  startMs: number;
  teams(serviceUrl: string): TeamsClient;
  /** Sends `signal` and resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Sends `signal` without waiting for anything. */
  signal(signal: NodeJS.Signals): void;
  /** Resolves with the exit code (null after an uncaught signal) once the process is gone. */
  exited: Promise<number | null>;
  /** What the process wrote so far (logs), for failure messages. */
  output(): string;
  /** What it wrote to stderr alone. */
  errors(): string;
  /** Resolves with the first stdout line that `matches`, as soon as the process writes it. */
  lineMatching(matches: (line: string) => boolean, withinMs: number): Promise<string>;
}

/**
 * Runs the bot's real entry point (src/index.ts) as a separate Node process with tsx, on a free
 * loopback port, and resolves once GET /readyz answers 200 (listening, storage readable, Partner Center
 * self-check passed). Readiness is polled rather than read from the logs, whose wording is not an
 * interface.
 */
export async function startChildBot(env: Record<string, string>, readyWithinMs = 30_000): Promise<ChildBot> {
  const port = await freePort();
  const started = Date.now();
  // tsx as a loader inside this one process: its CLI would run the bot in a grandchild that SIGKILL misses.
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, BOT_ENTRY_POINT], {
    cwd: ROOT,
    env: {
      ...process.env,
      // Nothing from the developer's shell may switch the child to Azure, production auth or the Playground.
      AZURE_STORAGE_CONNECTION_STRING: '',
      AZURE_STORAGE_CONTAINER: '',
      APPLICATIONINSIGHTS_CONNECTION_STRING: '',
      MicrosoftAppId: '',
      ...LOCAL_TEST_ENVIRONMENT,
      LOG_LEVEL: 'warn',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  let output = '';
  let errors = '';
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    errors += chunk.toString();
  });
  await waitUntilReady(child, port, started + readyWithinMs, () => output);
  return {
    port,
    startMs: Date.now() - started,
    teams: (serviceUrl) => new TeamsClient(`http://127.0.0.1:${port}/api/messages`, serviceUrl),
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
    signal: (signal) => void child.kill(signal),
    exited,
    output: () => output,
    errors: () => errors,
    lineMatching: (matches, withinMs) => firstLine(child, () => stdout, matches, withinMs),
  };
}

/**
 * The variables that point a bot process at a running sandbox, as the README tells an operator to: its
 * base URL, its Entra ID as PARTNER_CENTER_AUTHORITY, its app registration, and its certificate trusted
 * through NODE_EXTRA_CA_CERTS (msal-node only talks https to an authority).
 */
export function sandboxEnvironment(sandbox: { baseUrl: string; authorityHost: string; credentials: SandboxCredentials }, certificateFile: string): Record<string, string> {
  return {
    PARTNER_CENTER_BASE_URL: sandbox.baseUrl,
    PARTNER_CENTER_AUTHORITY: sandbox.authorityHost,
    PARTNER_CENTER_TENANT_ID: sandbox.credentials.tenantId,
    PARTNER_CENTER_CLIENT_ID: sandbox.credentials.clientId,
    PARTNER_CENTER_CLIENT_SECRET: sandbox.credentials.clientSecret,
    NODE_EXTRA_CA_CERTS: certificateFile,
  };
}

/** sandboxEnvironment for an in-process sandbox: its certificate is written into `folder` for the child to trust. */
export function inProcessSandboxEnvironment(
  sandbox: { baseUrl: string; authorityHost: string; credentials: SandboxCredentials; tlsCertificate: string }, folder: string,
): Record<string, string> {
  const certificateFile = path.join(folder, 'sandbox-certificate.pem');
  writeFileSync(certificateFile, sandbox.tlsCertificate);
  return sandboxEnvironment(sandbox, certificateFile);
}

function firstLine(child: ChildProcess, stdout: () => string, matches: (line: string) => boolean, withinMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const line = stdout().split('\n').find(matches);
      if (line === undefined) return false;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(line);
      return true;
    };
    // Listeners run in the order they were added: the harness's own one has appended the chunk already.
    const onData = () => void check();
    const timer = setTimeout(() => {
      child.stdout?.off('data', onData);
      reject(new Error(`no matching line within ${withinMs} ms:\n${stdout()}`));
    }, withinMs);
    if (!check()) child.stdout?.on('data', onData);
  });
}

/** Waits until `/readyz` answers 200 (storage reachable, self-check passed). */
function waitUntilReady(child: ChildProcess, port: number, deadline: number, output: () => string): Promise<void> {
  return waitForOk(child, port, '/readyz', deadline, output);
}

/** Waits until `/healthz` answers 200: the process listens, whatever its Partner Center self-check says. */
export function waitUntilHealthy(child: ChildProcess, port: number, deadline: number, output: () => string): Promise<void> {
  return waitForOk(child, port, '/healthz', deadline, output);
}

async function waitForOk(child: ChildProcess, port: number, path: string, deadline: number, output: () => string): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot process exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.ok, () => false);
    if (ok) return;
    await pause(HEALTH_POLL_MS);
  }
  child.kill('SIGKILL');
  throw new Error(`the bot process did not answer ${path} with 200 on port ${port} in time:\n${output()}`);
}

/** A port nobody listens on now; the OS may hand it out again, but not within the next moments. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
