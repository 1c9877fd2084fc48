import {
  connectorFailureOf, decideConnectorRetry, DEFAULT_CONNECTOR_RETRY, runWithConnectorRetry,
} from '../../../src/teams/connector-retry-policy';
import { ManualClock } from './manual-clock';

/** The shape of the RestError botbuilder's connector client throws (docs/platform-notes.md, "Rate limits and retries (Bot Connector)"). */
function restError(statusCode: number, retryAfter?: string): Error {
  const headers = new Map(retryAfter === undefined ? [] : [['retry-after', retryAfter]]);
  return Object.assign(new Error(`status ${statusCode}`), { name: 'RestError', statusCode, response: { headers: { get: (n: string) => headers.get(n) } } });
}

const settings = { ...DEFAULT_CONNECTOR_RETRY };

describe('connectorFailureOf', () => {
  it('reads the status and Retry-After of a connector error', () => {
    expect(connectorFailureOf(restError(429, '3'), 0)).toEqual({ status: 429, retryAfterMs: 3000 });
    expect(connectorFailureOf(restError(412), 0)).toEqual({ status: 412, retryAfterMs: undefined });
  });

  it('knows nothing about errors that are not HTTP answers', () => {
    expect(connectorFailureOf(new Error('socket hang up'), 0)).toBeUndefined();
    expect(connectorFailureOf('boom', 0)).toBeUndefined();
  });
});

describe('decideConnectorRetry', () => {
  it.each([
    [429, true], [412, true], [502, true], [503, true], [504, true],
    [500, false], [400, false], [403, false], [404, false], [413, false],
  ])('status %s → retry %s', (status, expected) => {
    expect(decideConnectorRetry({ status }, 1, 0, settings, () => 0.5).retry).toBe(expected);
  });

  it('waits exactly Retry-After when the connector sends it', () => {
    expect(decideConnectorRetry({ status: 429, retryAfterMs: 7000 }, 1, 0, settings, () => 0.99)).toEqual({ retry: true, delayMs: 7000 });
  });

  it('backs off exponentially with full jitter otherwise, up to the ceiling', () => {
    const almostOne = () => 0.999999;
    expect([1, 2, 3, 4, 5].map((attempt) => decideConnectorRetry({ status: 502 }, attempt, 0, { ...settings, maxAttempts: 9 }, almostOne)))
      .toEqual([999, 1999, 3999, 7999, 9999].map((delayMs) => ({ retry: true, delayMs })));
  });

  it('stops after the last attempt and at the deadline', () => {
    expect(decideConnectorRetry({ status: 429 }, settings.maxAttempts, 0, settings, () => 0).retry).toBe(false);
    expect(decideConnectorRetry({ status: 429, retryAfterMs: 5000 }, 1, settings.deadlineMs - 4000, settings, () => 0).retry).toBe(false);
  });
});

describe('runWithConnectorRetry', () => {
  it('retries 429, 412 and 502 on the clock, then returns the answer', async () => {
    const clock = new ManualClock();
    const answers = [restError(429, '2'), restError(412), restError(502)];
    const attempts: number[] = [];
    const result = await clock.settle(
      runWithConnectorRetry(async (attempt) => {
        attempts.push(clock.now());
        const failure = answers[attempt - 1];
        if (failure) throw failure;
        return 'sent';
      }, settings, clock),
    );
    expect(result).toBe('sent');
    // 2 s Retry-After, then half of the 2 s and of the 4 s backoff ceilings (random() = 0.5).
    expect(clock.sleeps).toEqual([2000, 1000, 2000]);
    expect(attempts).toEqual([0, 2000, 3000, 5000]);
  });

  it('gives up with the last error when the connector keeps failing', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const run = runWithConnectorRetry(async () => {
      calls += 1;
      throw restError(503);
    }, settings, clock);
    await expect(clock.settle(run)).rejects.toThrow('status 503');
    expect(calls).toBe(settings.maxAttempts);
  });

  it('does not retry a 500 ServiceError', async () => {
    const clock = new ManualClock();
    let calls = 0;
    await expect(clock.settle(runWithConnectorRetry(async () => {
      calls += 1;
      throw restError(500);
    }, settings, clock))).rejects.toThrow('status 500');
    expect(calls).toBe(1);
  });
});
