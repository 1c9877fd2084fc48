import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { forgedToken } from '../harness/forged-token';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { changedRecords, observe } from '../hostile/observed-state';
import { CapturedOutput } from '../logs/captured-output';

const APP_ID = '6d1b4f0e-2a37-4c4e-9d5b-0f6b8c3e7a21';
const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:production-auth', conversationType: 'personal' };

describe('with a MicrosoftAppId the bot refuses unauthenticated requests', () => {
  let bot: BotUnderTest;
  // botbuilder prints every refused request with console.error; kept here to check it names no token.
  const output = new CapturedOutput();
  beforeAll(async () => {
    output.captureConsole();
    bot = await startBotUnderTest({ env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'a-client-secret-for-this-test', MicrosoftAppType: 'MultiTenant' } });
  });
  afterAll(async () => {
    await bot.stop();
    output.release();
  });

  const attempts: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['a garbage bearer token', { Authorization: 'Bearer garbage' }],
    ['a scheme other than Bearer', { Authorization: 'Basic cmVwOnJlcA==' }],
    ['a forged token from another issuer', { Authorization: `Bearer ${forgedToken(APP_ID, 'https://sts.evil.example/')}` }],
  ];

  it.each(attempts)('answers a message with %s with 401 and runs no turn', async (_name, headers) => {
    const before = await observe(bot);
    const answer = await bot.teams.send(rep, chat, { type: 'message', text: 'new cart' }, headers);
    expect(answer.status).toBe(401);
    const after = await observe(bot);
    expect(changedRecords(before, after)).toEqual([]);
    expect(after.connectorCalls).toBe(before.connectorCalls);
    expect(after.partnerCenterRequests).toBe(before.partnerCenterRequests);
  });

  it.each(attempts)('answers an Action.Execute invoke with %s with 401 and no card', async (_name, headers) => {
    const answer = await bot.teams.send(rep, chat, {
      type: 'invoke', name: 'adaptiveCard/action', replyToId: 'activity-1',
      value: { action: { type: 'Action.Execute', verb: 'cart.start', data: {} }, trigger: 'manual' },
    }, headers);
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer.body ?? '')).not.toContain('AdaptiveCard');
    expect(await bot.storage.list('purchases/')).toEqual([]);
  });

  it('prints why it refused, never the token it was given', () => {
    expect(output.consoleLines.some((line) => line.includes('AuthenticationError'))).toBe(true);
    const tokens = Object.fromEntries(attempts.filter(([, headers]) => headers.Authorization).map(([name, headers]) => [name, headers.Authorization.split(' ')[1]]));
    expect(Object.keys(tokens)).toHaveLength(3);
    expect(output.leaks(tokens)).toEqual([]);
  });

  it('keeps answering health probes, which carry no token', async () => {
    expect((await fetch(`http://127.0.0.1:${bot.app.port}/healthz`)).status).toBe(200);
  });
});

describe('the same request in local mode (empty MicrosoftAppId)', () => {
  it('is accepted and runs the turn, which is why production must set an app id', async () => {
    const local = await startBotUnderTest();
    try {
      const answer = await local.teams.send(rep, chat, { type: 'message', text: 'new cart' });
      expect(answer.status).toBe(200);
      expect(await local.storage.list('purchases/')).toHaveLength(1);
      expect(local.connector.cardsIn(chat.id)).toHaveLength(1);
    } finally {
      await local.stop();
    }
  });
});
