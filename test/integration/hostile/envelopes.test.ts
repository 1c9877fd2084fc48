import { t } from '../../../src/i18n/translate';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { text } from '../bot/card-helpers';
import { CartDriver } from './cart-driver';
import { changedRecords, observe } from './observed-state';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:hostile-envelopes', conversationType: 'personal' };
const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const SEARCH_TYPE = 'application/vnd.microsoft.search.searchResponse';
const ONE_MEGABYTE = 1024 * 1024;

type Answer = { status: number; body: unknown };
const invokeBody = (answer: Answer) => answer.body as { statusCode?: number; type?: string; value?: unknown } | undefined;

/** A malformed Action.Execute is answered with HTTP 200 and a card that says something went wrong. */
function expectFailureCard(answer: Answer): void {
  expect(answer.status).toBe(200);
  expect(invokeBody(answer)).toMatchObject({ statusCode: 200, type: CARD_TYPE });
  expect(text(invokeBody(answer)!.value as Record<string, unknown>)).toContain(t('en-US', 'failure.text'));
}

describe('malformed activities and envelopes', () => {
  let bot: BotUnderTest;
  let ref: { purchaseId: string; version: number };
  const execute = (value: unknown) => bot.teams.send(rep, chat, { type: 'invoke', name: 'adaptiveCard/action', replyToId: 'activity-1', value });
  const search = (value: unknown) => bot.teams.send(rep, chat, { type: 'invoke', name: 'application/search', replyToId: 'activity-1', value });

  beforeAll(async () => {
    bot = await startBotUnderTest();
    const driver = new CartDriver(bot, rep, chat);
    await driver.toDraftWithOneLine();
    ref = driver.ref();
  });
  afterAll(async () => {
    await bot.stop();
  });

  describe('Action.Execute invokes', () => {
    it.each([
      ['no value', undefined],
      ['a null value', null],
      ['a string value', 'cart.review'],
      ['an array value', [{ action: { type: 'Action.Execute', verb: 'cart.review' } }]],
      ['an action of another type', { action: { type: 'Action.Submit', verb: 'cart.review', data: {} } }],
      ['an action without a verb', { action: { type: 'Action.Execute', data: {} } }],
      ['a numeric verb', { action: { type: 'Action.Execute', verb: 7, data: {} } }],
    ])('answers %s with a failure card over HTTP 200', async (_name, value) => {
      expectFailureCard(await execute(value));
    });

    it.each([
      ['no action', {}],
      ['a null action', { action: null }],
      ['an action that is a string', { action: 'cart.review' }],
    ])('answers a value with %s with a failure card over HTTP 200', async (_name, value) => {
      expectFailureCard(await execute(value));
    });

    it.each([
      ['a string', 'purchaseId'],
      ['an array', [1, 2]],
      ['a number', 12],
    ])('tells the clicker that data that is %s cannot be used', async (_name, data) => {
      const answer = await execute({ action: { type: 'Action.Execute', verb: 'cart.review', data }, trigger: 'manual' });
      expect(answer.status).toBe(200);
      expect(text(invokeBody(answer)!.value as Record<string, unknown>)).toContain(t('en-US', 'badInput.text'));
    });
  });

  describe('application/search invokes', () => {
    it('answers a search without queryText the way the Bot Framework does: 400 with an error body', async () => {
      const answer = await search({ dataset: 'customers', queryOptions: { skip: 0, top: 15 }, data: { purchaseId: ref.purchaseId } });
      expect(answer.status).toBe(400);
      expect(invokeBody(answer)).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    });

    it.each([
      ['a numeric queryText', (purchaseId: string) => ({ queryText: 12345, dataset: 'customers', data: { purchaseId } })],
      ['an object queryText', (purchaseId: string) => ({ queryText: { $ne: '' }, dataset: 'customers', data: { purchaseId } })],
      ['a 300-character queryText', (purchaseId: string) => ({ queryText: 'c'.repeat(300), dataset: 'customers', data: { purchaseId } })],
      ['an unknown dataset', (purchaseId: string) => ({ queryText: 'Contoso', dataset: '__proto__', data: { purchaseId } })],
      ['data that is an array', (purchaseId: string) => ({ queryText: 'Contoso', dataset: 'customers', data: [purchaseId] })],
      ['a purchase id that is not a UUID', () => ({ queryText: 'Contoso', dataset: 'customers', data: { purchaseId: '../../purchases' } })],
    ])('answers a search with %s with no results', async (_name, valueFor) => {
      const answer = await search(valueFor(ref.purchaseId));
      expect(answer.status).toBe(200);
      expect(invokeBody(answer)).toEqual({ statusCode: 200, type: SEARCH_TYPE, value: { results: [] } });
    });
  });

  describe('requests that are not activities', () => {
    it.each([
      ['text that is not JSON', '{"type":"message",'],
      ['a JSON array', '[{"type":"message","text":"new cart"}]'],
      ['a JSON string', '"new cart"'],
      ['JSON null', 'null'],
      ['an object without a type', '{"text":"new cart"}'],
    ])('refuses %s with a 4xx and runs no turn', async (_name, body) => {
      const before = await observe(bot);
      const answer = await bot.teams.postRaw(body);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      const after = await observe(bot);
      expect(changedRecords(before, after)).toEqual([]);
      expect(after.connectorCalls).toBe(before.connectorCalls);
    });

    it('refuses a body over the 1 MB limit with 413', async () => {
      const answer = await bot.teams.send(rep, chat, { type: 'message', text: `new cart ${'x'.repeat(ONE_MEGABYTE)}` });
      expect(answer.status).toBe(413);
    });

    it('answers an invoke name the bot does not handle with 501', async () => {
      const answer = await bot.teams.send(rep, chat, { type: 'invoke', name: 'composeExtension/unknownThing', value: {} });
      expect(answer.status).toBe(501);
    });
  });

  describe('messages', () => {
    it('ignores a submitted value without a verb', async () => {
      const calls = bot.connector.calls.length;
      const answer = await bot.teams.send(rep, chat, { type: 'message', replyToId: 'activity-1', value: { purchaseId: ref.purchaseId, verb: 7 } });
      expect(answer.status).toBe(200);
      expect(bot.connector.calls.length).toBe(calls);
    });

    it('answers a nearly 1 MB message as an unknown command, quoting only its start', async () => {
      const calls = bot.connector.calls.length;
      const answer = await bot.teams.send(rep, chat, { type: 'message', text: 'z'.repeat(ONE_MEGABYTE - 4096) });
      expect(answer.status).toBe(200);
      const reply = bot.connector.calls.slice(calls);
      expect(reply).toHaveLength(1);
      expect(String(reply[0].body.text)).toContain('I did not understand');
      expect(String(reply[0].body.text).length).toBeLessThan(200);
    });

    it('does not let a message without a sender start a cart for nobody, and records the refusal', async () => {
      const before = await observe(bot);
      const answer = await bot.teams.send(rep, chat, { type: 'message', text: 'new cart', from: { name: 'ghost' } });
      expect(answer.status).toBe(200);
      expect(changedRecords(before, await observe(bot))).toEqual([expect.stringMatching(/^audit\/actor\/none\//)]);
    });

    it('keeps a __proto__ key in the activity from reaching any prototype', async () => {
      const body = JSON.stringify({
        type: 'message', text: 'help', channelId: 'msteams', serviceUrl: bot.connector.serviceUrl,
        from: { id: rep.id, aadObjectId: rep.aadObjectId, name: rep.name }, conversation: { id: chat.id, conversationType: 'personal', tenantId: rep.tenantId },
        recipient: { id: '28:partner-cart-bot' },
      }).replace(/^\{/, '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},');
      const answer = await bot.teams.postRaw(body);
      expect(answer.status).toBe(200);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it('changed nothing, sent nothing to Partner Center and still serves the rep afterwards', async () => {
    const stored = await bot.app.purchases.load(ref.purchaseId);
    expect(stored?.purchase.version).toBe(ref.version);
    expect(bot.sandbox.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${bot.app.port}/healthz`)).status).toBe(200);
    const review = await bot.teams.execute(rep, chat, 'activity-1', 'cart.review', { ...ref });
    await bot.app.background.idle();
    expect(text(review.body.value)).toMatch(/Partner Center cart [0-9a-f-]{36}/);
  });
});
