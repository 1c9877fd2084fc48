import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { chmod, chown, copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { currentBundle, type Bundle } from '../../scripts/bundle';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { freePort, sandboxEnvironment, waitUntilHealthy } from '../integration/harness/child-bot';
import { FakeConnector } from '../integration/harness/fake-connector';
import { TeamsClient } from '../integration/harness/teams-client';
import { startAzurite, type RunningAzurite } from '../store/azurite';
import { startFakeManagedIdentity, type FakeManagedIdentity } from './fake-managed-identity';
import { unzipTo } from './unzip';

// Each test starts the bot as a process: under a full parallel `npm test` that alone can take 20 s.
jest.setTimeout(60_000);

// chmod does not stop root: as root the bot runs as `nobody`, like the Dockerfile's non-root user.
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const runAs = asRoot ? { uid: NOBODY, gid: NOBODY } : {};

/** What App Service sets for a single-tenant bot with a user-assigned managed identity (infra/main.bicep). */
const production = {
  NODE_ENV: 'production',
  MicrosoftAppId: '2f0c7f52-6b1e-4f4e-9d4a-1c7d6b0e5a11',
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppTenantId: '8b1f7c3e-0000-4000-8000-000000000001',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
};

let bundle: Bundle;
let scratch: string;
let node = process.execPath;
let app: string;
let azurite: RunningAzurite;
let identity: FakeManagedIdentity;
let trustAzurite: Record<string, string>;
let sandbox: RunningSandbox;
/** Production refuses the embedded sandbox: the bot is pointed at one the test runs, with its Entra ID. */
let partnerCenter: Record<string, string>;
const running: ChildProcess[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'partner-cart-bundle-'));
  await chmod(scratch, 0o755);
  // Azurite takes Entra ID tokens over TLS only: a throwaway certificate for 127.0.0.1, trusted by the bot.
  const certFile = path.join(scratch, 'azurite.pem');
  const keyFile = path.join(scratch, 'azurite.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { stdio: 'pipe' });
  [bundle, azurite, identity, sandbox] = await Promise.all([
    currentBundle(), startAzurite({ certFile, keyFile }), startFakeManagedIdentity(production.MicrosoftAppTenantId), startSandbox({ port: 0 }),
  ]);
  // NODE_EXTRA_CA_CERTS takes one file: Azurite's certificate and the sandbox's, together.
  const trusted = path.join(scratch, 'trusted.pem');
  writeFileSync(trusted, `${readFileSync(certFile, 'utf8')}\n${sandbox.tlsCertificate}`);
  await chmod(trusted, 0o644);
  trustAzurite = { NODE_EXTRA_CA_CERTS: trusted };
  partnerCenter = sandboxEnvironment(sandbox, trusted);
  app = path.join(scratch, 'app');
  if (asRoot && !usableByOthers(process.execPath)) node = await copyNodeInto(scratch);
  await unzipTo(bundle.zipPath, app);
  execFileSync('chmod', ['-R', 'a-w', app]);
}, 300_000);

/** Whether another user may run this file: it and every folder above it are executable by others. */
function usableByOthers(file: string): boolean {
  const OTHERS_EXECUTE = 0o001;
  for (let at = file; ; at = path.dirname(at)) {
    if ((statSync(at).mode & OTHERS_EXECUTE) === 0) return false;
    if (path.dirname(at) === at) return true;
  }
}

/** CI's Node 24 lives inside the clone, which may sit in root's private home. */
async function copyNodeInto(folder: string): Promise<string> {
  const copy = path.join(folder, 'node');
  await copyFile(process.execPath, copy);
  await chmod(copy, 0o755);
  return copy;
}

afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await azurite?.stop();
  await identity?.close();
  await sandbox?.close();
  if (scratch) {
    execFileSync('chmod', ['-R', 'u+w', scratch]);
    await rm(scratch, { recursive: true, force: true });
  }
});

/** `dist/src/index.js` is what App Service and the Dockerfile run; `scripts/start.js` is what `npm start` runs. */
function startBundle(env: Record<string, string>, port: number, entry = 'dist/src/index.js'): { child: ChildProcess; output: () => string } {
  const child = spawn(node, [entry], {
    cwd: app,
    env: { PATH: process.env.PATH, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...runAs,
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** A DATA_DIR outside the read-only app folder that the bot's user may write. */
async function writableDataDir(name: string): Promise<string> {
  const dataDir = path.join(scratch, name);
  await mkdir(dataDir);
  if (asRoot) await chown(dataDir, NOBODY, NOBODY);
  return dataDir;
}

async function expectServing(env: Record<string, string>, entry?: string): Promise<string> {
  const port = await freePort();
  const { child, output } = startBundle({ ...production, ...partnerCenter, ...env }, port, entry);
  await waitUntilHealthy(child, port, Date.now() + 30_000, output);
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(health.status).toBe(200);
  // A Teams message without the Bot Connector's token: production mode must refuse it.
  const message = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: 'm1', text: 'new cart', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/',
      from: { id: '29:rep', aadObjectId: '00000000-0000-4000-8000-00000000a001' },
      conversation: { id: 'a:personal' }, recipient: { id: `28:${production.MicrosoftAppId}` },
    }),
  });
  expect(message.status).toBe(401);
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
  return output();
}

describe('the deployable bundle (npm run bundle)', () => {
  it('holds the compiled code, the card templates, package.json with its lockfile and production dependencies only', async () => {
    const top = await readdir(app);
    expect(top.sort()).toEqual(['cards', 'dist', 'node_modules', 'package-lock.json', 'package.json', 'scripts']);
    const modules = await readdir(path.join(app, 'node_modules'));
    expect(modules).toEqual(expect.arrayContaining(['botbuilder', 'restify', 'zod']));
    for (const dev of ['typescript', 'jest', 'tsx', 'azurite', 'playwright-core', 'yazl', 'dtrace-provider']) expect(modules).not.toContain(dev);
  });

  it('refuses to start on the read-only app folder with the default DATA_DIR, naming what to set', async () => {
    const { child, output } = startBundle({ ...production, ...partnerCenter }, await freePort());
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(output()).toContain(`DATA_DIR ${path.join(app, 'data')} is read-only`);
    expect(output()).toMatch(/Set DATA_DIR to a writable folder .*AZURE_STORAGE_CONTAINER with AZURE_STORAGE_ACCOUNT_URL .* or AZURE_STORAGE_CONNECTION_STRING/s);
  });

  it('runs read-only in production mode with Azure Blob storage through the managed identity (Azurite)', async () => {
    const clientId = '5d3b0a8e-1f2c-4c6d-8e9f-0a1b2c3d4e5f';
    const log = await expectServing({
      ...trustAzurite,
      AZURE_STORAGE_ACCOUNT_URL: azurite.accountUrl,
      AZURE_STORAGE_CONTAINER: 'bundle-identity',
      AZURE_CLIENT_ID: clientId,
      IDENTITY_ENDPOINT: identity.endpoint,
      IDENTITY_HEADER: identity.header,
    });
    expect(log).toContain('Azure Blob Storage (container \\"bundle-identity\\"');
    expect(identity.requests.map((query) => [query.get('client_id'), query.get('resource')])).toContainEqual([clientId, 'https://storage.azure.com']);
  });

  it('runs read-only in production mode with Azure Blob storage through a connection string (Azurite)', async () => {
    const log = await expectServing({ ...trustAzurite, AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'bundle-state' });
    expect(log).toContain('"mode":"production"');
    expect(log).toContain('Azure Blob Storage (container \\"bundle-state\\"');
    expect(log).not.toContain(azurite.connectionString);
  });

  it('runs read-only in production mode with a writable DATA_DIR elsewhere', async () => {
    const dataDir = await writableDataDir('data');
    const log = await expectServing({ DATA_DIR: dataDir });
    expect(log).toContain(`embedded (files in ${dataDir})`);
  });

  it('finds its card templates from the read-only folder: a help card for a Teams message (local mode)', async () => {
    const connector = new FakeConnector();
    await connector.start();
    const port = await freePort();
    const { child, output } = startBundle({ HOST: '127.0.0.1', PLAYGROUND: 'off', DATA_DIR: await writableDataDir('data-local') }, port);
    try {
      await waitUntilHealthy(child, port, Date.now() + 30_000, output);
      const rep = { id: '29:rep', aadObjectId: '66666666-6666-4666-8666-666666666666', name: 'Rita Rep', tenantId: 'partner-tenant' };
      const teams = new TeamsClient(`http://127.0.0.1:${port}/api/messages`, connector.serviceUrl);
      expect(await teams.message(rep, { id: 'a:personal-bundle', conversationType: 'personal' }, 'help')).toBe(200);
      const reply = await connector.callMatching((call) => call.conversationId === 'a:personal-bundle' && call.method === 'POST', 10_000);
      const [card] = (reply.body.attachments as { contentType: string; content: { type: string } }[]);
      expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(card?.content.type).toBe('AdaptiveCard');
    } finally {
      child.kill('SIGTERM');
      await connector.stop();
    }
  });

  it('starts through npm start\'s launcher without a compiler (a production install has no typescript)', async () => {
    const dataDir = await writableDataDir('data-npm-start');
    const log = await expectServing({ DATA_DIR: dataDir }, 'scripts/start.js');
    expect(log).toContain('"mode":"production"');
  });
});
