import { PartnerCenterError, type PartnerCenterErrorKind } from '../../../src/partner-center/errors';
import { backoffDelayMs } from '../../../src/retry/backoff';
import {
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  runWithRetry,
  type RetryPolicySettings,
} from '../../../src/partner-center/retry-policy';
import { fakeRuntime } from './scripted-server';

function failure(kind: PartnerCenterErrorKind, httpStatus?: number, retryAfterSeconds?: number): PartnerCenterError {
  return new PartnerCenterError({
    kind,
    httpStatus,
    retryAfterSeconds,
    method: 'GET',
    path: '/v1/customers',
    requestId: 'r-1',
    correlationId: 'c-1',
  });
}

const settings: RetryPolicySettings = { ...DEFAULT_RETRY_POLICY };

describe('isRetryable', () => {
  it.each([
    ['throttled', 429, true],
    ['network', undefined, true],
    ['timeout', undefined, true],
    ['transient', 408, true],
    ['transient', 500, true],
    ['transient', 502, true],
    ['transient', 503, true],
    ['transient', 504, true],
    ['transient', 501, false],
    ['transient', 505, false],
    ['business', 400, false],
    ['business', 409, false],
    ['not_found', 404, false],
    ['auth', 401, false],
    ['auth', 403, false],
    ['mfa', 401, false],
    ['invalid_response', 200, false],
  ] as const)('%s %s → %s', (kind, status, expected) => {
    expect(isRetryable(failure(kind, status))).toBe(expected);
  });
});

describe('backoffDelayMs (exponential, full jitter)', () => {
  it('is uniform below a doubling ceiling that stops at maxDelayMs', () => {
    const almostOne = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelayMs(attempt, settings, almostOne))).toEqual([
      499, 999, 1999, 3999, 7999, 7999, 7999,
    ]);
    expect(backoffDelayMs(3, settings, () => 0)).toBe(0);
    expect(backoffDelayMs(3, settings, () => 0.5)).toBe(1000);
  });
});

describe('decideRetry', () => {
  const ask = (error: PartnerCenterError, attempt = 1, elapsedMs = 0) =>
    decideRetry({ error, attempt, elapsedMs, settings, random: () => 0.5 });

  it('waits exactly Retry-After on 429', () => {
    expect(ask(failure('throttled', 429, 7))).toEqual({ retry: true, delayMs: 7000 });
  });

  it('falls back to backoff on 429 without Retry-After', () => {
    expect(ask(failure('throttled', 429), 2)).toEqual({ retry: true, delayMs: 500 });
  });

  it('never retries other 4xx', () => {
    expect(ask(failure('business', 400))).toEqual({ retry: false });
  });

  it('stops at maxAttempts', () => {
    expect(ask(failure('transient', 503), settings.maxAttempts - 1).retry).toBe(true);
    expect(ask(failure('transient', 503), settings.maxAttempts)).toEqual({ retry: false });
  });

  it('stops when the wait would cross the deadline', () => {
    expect(ask(failure('throttled', 429, 31))).toEqual({ retry: false });
    expect(ask(failure('throttled', 429, 5), 1, 25_000)).toEqual({ retry: false });
    expect(ask(failure('throttled', 429, 5), 1, 24_000).retry).toBe(true);
  });
});

describe('runWithRetry', () => {
  it('retries until success and reports each wait', async () => {
    const clock = fakeRuntime();
    const outcomes = [failure('transient', 503), failure('throttled', 429, 2), 'done'];
    const retries: number[] = [];
    const result = await runWithRetry(
      async ({ attempt }) => {
        const outcome = outcomes[attempt - 1];
        if (outcome instanceof PartnerCenterError) throw outcome;
        return outcome;
      },
      settings,
      clock.runtime,
      (_error, _attempt, delayMs) => retries.push(delayMs),
    );
    expect(result).toBe('done');
    expect(clock.sleeps).toEqual([250, 2000]);
    expect(retries).toEqual([250, 2000]);
  });

  it('gives up at the deadline even with attempts left, recording the attempt count', async () => {
    const clock = fakeRuntime();
    const error = await runWithRetry(
      async () => {
        clock.advance(12_000);
        throw failure('timeout');
      },
      { ...settings, maxAttempts: 100 },
      clock.runtime,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnerCenterError);
    expect((error as PartnerCenterError).kind).toBe('timeout');
    expect((error as PartnerCenterError).attempts).toBe(3);
  });

  it('caps each attempt timeout by what is left of the deadline', async () => {
    const clock = fakeRuntime();
    const timeouts: number[] = [];
    await runWithRetry(
      async ({ attempt, timeoutMs }) => {
        timeouts.push(timeoutMs);
        clock.advance(20_000);
        if (attempt === 1) throw failure('network');
        return 'ok';
      },
      { ...settings, baseDelayMs: 2_000 },
      clock.runtime,
    );
    expect(timeouts).toEqual([15_000, 9_000]);
  });

  it('lets errors that are not Partner Center failures through at once', async () => {
    let calls = 0;
    await expect(
      runWithRetry(
        async () => {
          calls += 1;
          throw new TypeError('bug');
        },
        settings,
        fakeRuntime().runtime,
      ),
    ).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });
});
