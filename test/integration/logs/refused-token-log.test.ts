import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { inProcessSandboxEnvironment, startChildBot, type ChildBot } from '../harness/child-bot';
import { forgedToken } from '../harness/forged-token';

const APP_ID = '3f2c9a71-5b8e-4d06-9c1a-7e4b2d8f6a10';
const activity = {
  type: 'message', text: 'new cart', id: 'm-1', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/',
  from: { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111' }, recipient: { id: '28:bot' },
  conversation: { id: 'a:refused', conversationType: 'personal' },
};

interface LogLine {
  level: number;
  msg: string;
  source?: string;
  error?: { type: string; message: string; statusCode?: number; stack?: string };
}

describe('a production bot process refusing a forged Bot Framework token', () => {
  let dataDir: string;
  let sandbox: RunningSandbox;
  let bot: ChildBot;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'partner-cart-refused-'));
    sandbox = await startSandbox({ port: 0 });
    bot = await startChildBot({
      NODE_ENV: 'production', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'a-client-secret-for-this-test', MicrosoftAppType: 'MultiTenant',
      DATA_DIR: dataDir, ...inProcessSandboxEnvironment(sandbox, dataDir),
    });
  });
  afterAll(async () => {
    await bot.kill('SIGTERM');
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 401, writes the reason as one JSON log line, and nothing to stderr', async () => {
    const token = forgedToken(APP_ID, 'https://sts.evil.example/');
    const answer = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(activity),
    });
    expect(answer.status).toBe(401);

    const line = await bot.lineMatching((l) => l.includes('AuthenticationError'), 10_000);
    const entry = JSON.parse(line) as LogLine;
    expect(entry).toMatchObject({ level: 40, source: 'console', error: { type: 'AuthenticationError', statusCode: 401, message: expect.stringContaining('Unauthorized') } });
    expect(entry.error?.stack).toBeUndefined();
    expect(bot.errors()).toBe('');
    expect(bot.output()).not.toContain(token.split('.')[2]);
    for (const written of bot.output().split('\n').filter(Boolean)) expect(() => JSON.parse(written)).not.toThrow();
  });
});
