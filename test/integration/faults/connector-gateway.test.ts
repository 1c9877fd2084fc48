import pino from 'pino';
import type { AdaptiveCard, Conversation } from '../../../src/flows/ports';
import { createAdapter } from '../../../src/teams/adapter';
import { BotConversationGateway } from '../../../src/teams/conversation-gateway';
import { TEAMS_PER_CONVERSATION_LIMITS } from '../../../src/teams/sliding-window-limiter';
import { ManualClock } from '../../unit/teams/manual-clock';
import { FakeConnector, type ConnectorCall } from '../harness/fake-connector';

/**
 * The proactive path (card updates after checkout, announcements) against a local Bot Connector over
 * HTTP, with time driven by the test: Teams' rate limits and Retry-After waits are checked to the
 * millisecond without waiting for them.
 */
function card(n: number): AdaptiveCard {
  return { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `update ${n}`, wrap: true }] };
}

function textOf(call: ConnectorCall): string {
  return JSON.stringify(call.body);
}

describe('Bot Connector traffic from the gateway', () => {
  let clock: ManualClock;
  let connector: FakeConnector;
  let gateway: BotConversationGateway;
  const conversationFor = (id: string): Conversation => ({
    id,
    type: 'personal',
    reference: { serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id, conversationType: 'personal', tenantId: 'partner-tenant' }, bot: { id: '28:partner-cart-bot' } },
  });

  beforeEach(async () => {
    clock = new ManualClock();
    connector = new FakeConnector({ now: () => clock.now() });
    await connector.start();
    gateway = new BotConversationGateway(createAdapter({}, pino({ level: 'silent' }), { clock }), '');
  });
  afterEach(async () => {
    await connector.stop();
  });

  it('keeps many updates to one conversation within 7/1 s, 8/2 s and 60/30 s, each sent once and in order', async () => {
    const chat = conversationFor('a:busy-chat');
    const updates = Array.from({ length: 70 }, (_, n) => gateway.update(chat, 'activity-9', card(n)));
    await clock.settle(Promise.all(updates));

    const calls = connector.calls.filter((c) => c.conversationId === chat.id);
    expect(calls.map(textOf)).toEqual(Array.from({ length: 70 }, (_, n) => expect.stringContaining(`"update ${n}"`)));
    for (const { windowMs, maxOperations } of TEAMS_PER_CONVERSATION_LIMITS) {
      for (const call of calls) {
        expect(calls.filter((other) => other.at > call.at - windowMs && other.at <= call.at).length).toBeLessThanOrEqual(maxOperations);
      }
    }
    // Not slower than the limits force: 8 every 2 s until 60 have gone, then the 30 s window opens.
    expect(calls[59].at).toBe(14_000);
    expect(calls[60].at).toBe(30_000);
    expect(connector.attempts).toHaveLength(70);
  });

  it('does not hold one conversation back because another is busy', async () => {
    const busy = conversationFor('a:busy');
    const quiet = conversationFor('a:quiet');
    const burst = Promise.all(Array.from({ length: 10 }, (_, n) => gateway.update(busy, 'activity-1', card(n))));
    const other = gateway.post(quiet, card(100));
    await clock.settle(Promise.all([burst, other]));
    expect(connector.calls.find((c) => c.conversationId === quiet.id)!.at).toBe(0);
    expect(connector.calls.filter((c) => c.conversationId === busy.id).map((c) => c.at)).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 2000, 2000]);
  });

  it('waits Retry-After on 429 and backs off on 412 and 502, then posts the card exactly once', async () => {
    const chat = conversationFor('a:throttled');
    connector.failNext({ count: 1, status: 429, retryAfterSeconds: 3 });
    connector.failNext({ count: 1, status: 412 });
    connector.failNext({ count: 1, status: 502 });
    const id = await clock.settle(gateway.post(chat, card(1)));

    expect(id).toMatch(/^activity-\d+$/);
    expect(connector.attempts.map((a) => [a.status, a.at])).toEqual([[429, 0], [412, 3000], [502, 4000], [201, 6000]]);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0].method).toBe('POST');
  });

  it('retries an update that keeps the card in place (PUT to the same activity)', async () => {
    const chat = conversationFor('a:update');
    connector.failNext({ count: 2, status: 502, method: 'PUT' });
    await clock.settle(gateway.update(chat, 'activity-7', card(2)));
    expect(connector.attempts.map((a) => `${a.method} ${a.activityId} ${a.status}`)).toEqual([
      'PUT activity-7 502', 'PUT activity-7 502', 'PUT activity-7 200',
    ]);
  });

  it('counts every retry against the rate limit', async () => {
    const chat = conversationFor('a:retry-and-limit');
    const first = Array.from({ length: 7 }, (_, n) => gateway.update(chat, 'activity-1', card(n)));
    connector.failNext({ count: 1, status: 412 });
    await clock.settle(Promise.all(first));
    // The 412 and its retry (after 500 ms of backoff) take two of the seven slots of the first second.
    expect(connector.attempts.map((a) => `${a.status}@${a.at}`)).toEqual([
      '412@0', '200@500', '200@500', '200@500', '200@500', '200@500', '200@500', '200@1000',
    ]);
  });

  it('tells the caller when the connector refuses for good (500 is not retried), instead of swallowing it', async () => {
    const chat = conversationFor('a:broken');
    connector.failNext({ count: 1, status: 500 });
    await expect(clock.settle(gateway.post(chat, card(1)))).rejects.toMatchObject({ statusCode: 500 });
    expect(connector.attempts).toHaveLength(1);
    expect(connector.calls).toHaveLength(0);
  });

  it('gives up after four attempts when Teams keeps answering 503', async () => {
    const chat = conversationFor('a:down');
    connector.failNext({ count: 10, status: 503 });
    await expect(clock.settle(gateway.update(chat, 'activity-3', card(1)))).rejects.toMatchObject({ statusCode: 503 });
    expect(connector.attempts).toHaveLength(4);
  });
});
