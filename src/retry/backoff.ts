export interface RetryTiming {
  /** Attempts including the first one. */
  maxAttempts: number;
  /** Budget for one logical operation, all attempts and waits included. */
  deadlineMs: number;
  /** First backoff ceiling; doubles each attempt up to `maxDelayMs` (full jitter picks 0..ceiling). */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Exponential backoff with full jitter: uniform in [0, min(maxDelay, base·2^(attempt-1))). */
export function backoffDelayMs(attempt: number, timing: RetryTiming, random: () => number): number {
  const ceiling = Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

interface RetryQuestion {
  /** Whether the failure may succeed unchanged (the caller's classification). */
  retryable: boolean;
  /** The wait the server asked for (Retry-After), which replaces backoff when present. */
  serverDelayMs?: number;
  /** The attempt that just failed, 1-based. */
  attempt: number;
  elapsedMs: number;
  timing: RetryTiming;
  random: () => number;
}

/**
 * Retry a retryable failure while attempts remain, waiting the server's Retry-After when it sent one,
 * else backoff; give up when the wait would end past the deadline.
 */
export function retryDecision({ retryable, serverDelayMs, attempt, elapsedMs, timing, random }: RetryQuestion): RetryDecision {
  if (!retryable || attempt >= timing.maxAttempts) return { retry: false };
  const delayMs = serverDelayMs ?? backoffDelayMs(attempt, timing, random);
  if (elapsedMs + delayMs >= timing.deadlineMs) return { retry: false };
  return { retry: true, delayMs };
}
