import { backoffDelayMs, retryDecision, type RetryTiming } from '../../../src/retry/backoff';

const timing: RetryTiming = { maxAttempts: 4, deadlineMs: 10_000, baseDelayMs: 1_000, maxDelayMs: 5_000 };
const half = () => 0.5;

describe('backoffDelayMs', () => {
  it('picks uniformly below a ceiling that doubles per attempt and stops at maxDelayMs', () => {
    const almostOne = () => 0.999999;
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, timing, almostOne))).toEqual([999, 1999, 3999, 4999, 4999]);
    expect(backoffDelayMs(2, timing, () => 0)).toBe(0);
    expect(backoffDelayMs(2, timing, half)).toBe(1000);
  });
});

describe('retryDecision', () => {
  const ask = (question: Partial<Parameters<typeof retryDecision>[0]>) =>
    retryDecision({ retryable: true, attempt: 1, elapsedMs: 0, timing, random: half, ...question });

  it('backs off when the server named no wait', () => {
    expect(ask({ attempt: 2 })).toEqual({ retry: true, delayMs: 1000 });
  });

  it('waits exactly what the server asked for, even beyond the backoff ceiling', () => {
    expect(ask({ serverDelayMs: 7000 })).toEqual({ retry: true, delayMs: 7000 });
  });

  it('never retries what the caller classified as permanent', () => {
    expect(ask({ retryable: false })).toEqual({ retry: false });
  });

  it('stops after the last attempt', () => {
    expect(ask({ attempt: timing.maxAttempts - 1 }).retry).toBe(true);
    expect(ask({ attempt: timing.maxAttempts })).toEqual({ retry: false });
  });

  it('stops when the wait would end at or past the deadline', () => {
    expect(ask({ serverDelayMs: 4000, elapsedMs: 6000 })).toEqual({ retry: false });
    expect(ask({ serverDelayMs: 4000, elapsedMs: 5999 }).retry).toBe(true);
  });
});
