import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxTokenProvider } from '../../../src/connect-partner-center';
import { checkPartnerCenter } from '../../../src/partner-center/self-check';
import { createStorage } from '../../../src/store/create-storage';
import { startAzurite, type RunningAzurite } from '../../store/azurite';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';

interface ReadyzAnswer {
  status: number;
  body: { status: string; ready: boolean; failed: string[]; checks: Record<string, unknown> };
}

async function probe(bot: BotUnderTest, path: '/healthz' | '/readyz'): Promise<ReadyzAnswer> {
  const response = await fetch(`http://127.0.0.1:${bot.app.port}${path}`);
  return { status: response.status, body: (await response.json()) as ReadyzAnswer['body'] };
}

const selfCheckOf = (bot: BotUnderTest) => checkPartnerCenter({ baseUrl: bot.sandbox.baseUrl, mode: 'embedded sandbox', tokenProvider: sandboxTokenProvider(bot.sandbox) });

describe('/readyz follows the Partner Center self-check', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(() => bot.stop());

  it('is 503 while the self-check has not finished, though /healthz is 200', async () => {
    expect((await probe(bot, '/healthz')).status).toBe(200);
    const readyz = await probe(bot, '/readyz');
    expect(readyz.status).toBe(503);
    expect(readyz.body).toMatchObject({ status: 'not ready', ready: false, failed: ['partnerCenter'], checks: { partnerCenter: { state: 'pending' }, storage: { ok: true }, shutdown: { ok: true } } });
  });

  it('is 503 with the reason when the self-check failed', async () => {
    bot.sandbox.knobs.set({ serverErrors: { count: 2, status: 503, pathPattern: '/customers$' } });
    const report = await selfCheckOf(bot);
    bot.sandbox.knobs.reset();
    expect(report.ok).toBe(false);
    bot.app.readiness.recordSelfCheck(report);
    const readyz = await probe(bot, '/readyz');
    expect(readyz.status).toBe(503);
    expect(readyz.body.failed).toEqual(['partnerCenter']);
    expect(readyz.body.checks.partnerCenter).toEqual({ state: 'failed', reason: expect.stringContaining('Partner Center answered with a server error') });
  });

  it('is 200 once the self-check passed against the sandbox over HTTP', async () => {
    bot.app.readiness.recordSelfCheck(await selfCheckOf(bot));
    const readyz = await probe(bot, '/readyz');
    expect(readyz).toEqual({
      status: 200,
      body: { status: 'ready', ready: true, failed: [], checks: { storage: { ok: true }, partnerCenter: { state: 'passed' }, shutdown: { ok: true } } },
    });
  });
});

describe('/readyz reads the storage backend (Azure Blob through Azurite)', () => {
  let azurite: RunningAzurite;
  let bot: BotUnderTest;
  beforeAll(async () => {
    azurite = await startAzurite();
    const storage = await createStorage({ kind: 'azure-blob', connectionString: azurite.connectionString, container: 'readiness' });
    bot = await startBotUnderTest({ storage });
    bot.app.readiness.recordSelfCheck(await selfCheckOf(bot));
  });
  afterAll(async () => {
    await bot.stop();
    await azurite.stop();
  });

  it('is 200 while the blob service answers and 503 naming storage once it is gone', async () => {
    expect((await probe(bot, '/readyz')).status).toBe(200);
    await azurite.stop();
    const readyz = await probe(bot, '/readyz');
    expect(readyz.status).toBe(503);
    expect(readyz.body.failed).toEqual(['storage']);
    expect(readyz.body.checks.storage).toEqual({ ok: false, reason: expect.stringMatching(/^(no answer within \d+ ms|read failed \(\w+\))$/) });
    expect((await probe(bot, '/healthz')).status).toBe(200);
  });
});

describe('/readyz reports an embedded store whose write journal stopped', () => {
  let dataDir: string;
  let bot: BotUnderTest;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'partner-cart-readiness-'));
    bot = await startBotUnderTest({ storage: await createStorage({ kind: 'embedded', dataDir }) });
    bot.app.readiness.recordSelfCheck(await selfCheckOf(bot));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await bot.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is 503 naming storage once a journal line could neither be written nor cut back, though reads still answer', async () => {
    expect((await probe(bot, '/readyz')).status).toBe(200);
    const probeFile = await open(__filename, 'r');
    await probeFile.close();
    const fileHandle = Object.getPrototypeOf(probeFile) as Pick<FileHandle, 'writeFile' | 'truncate'>;
    jest.spyOn(fileHandle, 'writeFile').mockRejectedValueOnce(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    jest.spyOn(fileHandle, 'truncate').mockRejectedValueOnce(Object.assign(new Error('i/o error'), { code: 'EIO' }));
    await expect(bot.storage.set('health/write', { v: 1 })).rejects.toThrow('disk full');
    jest.restoreAllMocks();

    expect(await bot.storage.get('health/readiness-probe')).toBeUndefined();
    const readyz = await probe(bot, '/readyz');
    expect(readyz.status).toBe(503);
    expect(readyz.body.failed).toEqual(['storage']);
    expect(readyz.body.checks.storage).toEqual({ ok: false, reason: 'writes stopped (JournalFailedError): restart to recover them' });
  });
});
