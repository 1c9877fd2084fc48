import { readdir, readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { PARTNER_TENANT } from '../harness/local-environment';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { changedRecords, observe } from '../hostile/observed-state';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: PARTNER_TENANT };
const chat: TeamsConversation = { id: 'a:body-parser', conversationType: 'personal' };
const PRODUCTION = { MicrosoftAppId: '6d1b4f0e-2a37-4c4e-9d5b-0f6b8c3e7a21', MicrosoftAppPassword: 'a-client-secret-for-this-test', MicrosoftAppType: 'MultiTenant' };
const BOUNDARY = '----partner-cart-test-boundary';
/** Unique to this run, so a file holding it can only be this test's upload (other processes share the temp folder). */
const MARKER = `upload-that-must-not-land-on-disk-${process.pid}-${Date.now()}`;

/** Other processes' temp files may vanish between readdir and stat: only "not found" means "not ours". */
async function statIfPresent(file: string): Promise<Stats | undefined> {
  try {
    return await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Files in the temp folder that appeared since `before` and hold this test's upload. */
async function spooledUploads(before: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(os.tmpdir())) {
    if (before.has(name)) continue;
    const file = path.join(os.tmpdir(), name);
    const info = await statIfPresent(file);
    if (info?.isFile() && (await readFile(file).catch(() => Buffer.alloc(0))).includes(MARKER)) found.push(file);
  }
  return found;
}

/** A browser-style multipart upload of one 256 KB file, as a form post to the bot would send it. */
function multipartUpload(): { body: Buffer; contentType: string } {
  const file = Buffer.alloc(256 * 1024, `${MARKER} `);
  const body = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="payload.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

describe('the body parser takes JSON only, bounded, and writes nothing to disk', () => {
  let tempBefore: Set<string>;
  let production: BotUnderTest;
  let local: BotUnderTest;
  const post = (bot: BotUnderTest, body: Buffer | string, contentType?: string) =>
    fetch(`http://127.0.0.1:${bot.app.port}/api/messages`, { method: 'POST', headers: contentType ? { 'Content-Type': contentType } : {}, body });

  beforeAll(async () => {
    tempBefore = new Set(await readdir(os.tmpdir()));
    [production, local] = await Promise.all([startBotUnderTest({ env: PRODUCTION }), startBotUnderTest()]);
  });
  afterAll(async () => {
    await Promise.all([production.stop(), local.stop()]);
  });

  it('refuses a multipart upload without a token with 415 and leaves no file in the temp folder', async () => {
    const before = await observe(production);
    const { body, contentType } = multipartUpload();
    expect((await post(production, body, contentType)).status).toBe(415);
    expect(await spooledUploads(tempBefore)).toEqual([]);
    expect(changedRecords(before, await observe(production))).toEqual([]);
  });

  it.each([
    ['text/plain', 'new cart'],
    ['application/x-www-form-urlencoded', 'type=message&text=new+cart'],
    ['application/jsonp', '{"type":"message"}'],
    [undefined, '{"type":"message","text":"new cart"}'],
  ])('refuses a body of type %s with 415', async (contentType, body) => {
    expect((await post(local, body, contentType)).status).toBe(415);
    expect(await local.storage.list('purchases/')).toEqual([]);
  });

  it('refuses a JSON body over 1 MB with 413 before looking at the token', async () => {
    const huge = JSON.stringify({ type: 'message', text: 'x'.repeat(1024 * 1024 + 1) });
    expect((await post(production, huge, 'application/json')).status).toBe(413);
  });

  it('still asks for a token on JSON, and keeps serving after all of that', async () => {
    expect((await production.teams.send(rep, chat, { type: 'message', text: 'new cart' })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${production.app.port}/healthz`)).status).toBe(200);
    expect(await local.teams.message(rep, chat, 'new cart')).toBe(200);
    expect(await local.storage.list('purchases/')).toHaveLength(1);
  });

  it('accepts JSON with a charset, as Teams sends it', async () => {
    const activity = { type: 'message', text: 'help', channelId: 'msteams', serviceUrl: local.connector.serviceUrl, locale: 'en-US',
      from: { id: rep.id, aadObjectId: rep.aadObjectId, name: rep.name }, recipient: { id: '28:partner-cart-bot' },
      conversation: { id: 'a:charset', conversationType: 'personal', tenantId: rep.tenantId } };
    local.connector.join('a:charset', { id: rep.id, aadObjectId: rep.aadObjectId, name: rep.name, tenantId: rep.tenantId, userRole: 'user' });
    expect((await post(local, JSON.stringify(activity), 'application/json; charset=utf-8')).status).toBe(200);
    expect(local.connector.cardsIn('a:charset')).toHaveLength(1);
  });
});

describe('a chunked body that declares no length', () => {
  it('is cut off at 1 MB with 413 all the same', async () => {
    const bot = await startBotUnderTest();
    try {
      const piece = new TextEncoder().encode('x'.repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent > 4 * 1024 * 1024) return controller.close();
          sent += piece.length;
          controller.enqueue(piece);
        },
      });
      const answer = await fetch(`http://127.0.0.1:${bot.app.port}/api/messages`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half',
      } as RequestInit & { duplex: 'half' });
      expect(answer.status).toBe(413);
      expect((await fetch(`http://127.0.0.1:${bot.app.port}/healthz`)).status).toBe(200);
    } finally {
      await bot.stop();
    }
  });
});
