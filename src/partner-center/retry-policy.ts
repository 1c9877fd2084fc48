import { isPartnerCenterError, type PartnerCenterError } from './errors';

export interface RetryPolicySettings {
  /** Attempts including the first one. */
  maxAttempts: number;
  /** Overall budget for one logical operation, all attempts and waits included. */
  deadlineMs: number;
  /** Budget of a single HTTP attempt (request and body); capped by what is left of the deadline. */
  attemptTimeoutMs: number;
  /** First backoff ceiling; doubles each attempt up to `maxDelayMs` (full jitter picks 0..ceiling). */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicySettings> = {
  maxAttempts: 5,
  deadlineMs: 30_000,
  attemptTimeoutMs: 15_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

/**
 * Placing an order (cart checkout, order create, add-on PATCH) can take far longer than a read while
 * Partner Center provisions; an attempt cut short at 15 s leaves the outcome unknown and forces a
 * retry against a request still running (409 800064). One long attempt per try is the honest wait.
 */
export const ORDER_PLACEMENT_RETRY: Readonly<Partial<RetryPolicySettings>> = {
  attemptTimeoutMs: 100_000,
  deadlineMs: 240_000,
};

/** Time and randomness, injected so tests never wait. */
export interface RetryRuntime {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const systemRetryRuntime: RetryRuntime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

// 501 Not Implemented and 505 HTTP Version Not Supported will answer the same way every time.
const PERMANENT_SERVER_STATUSES = new Set([501, 505]);

/**
 * Retry what may succeed unchanged: 408, 5xx, network failures and timeouts (with the same
 * MS-RequestId, so Partner Center dedupes a request that did land) and 429. Never other 4xx: the
 * answer would be the same (docs/architecture.md, rule 5; the .NET SDK also never retries 400/401/403/404/409).
 */
export function isRetryable(error: PartnerCenterError): boolean {
  switch (error.kind) {
    case 'throttled':
    case 'network':
    case 'timeout':
      return true;
    case 'transient':
      return error.httpStatus === undefined || !PERMANENT_SERVER_STATUSES.has(error.httpStatus);
    default:
      return false;
  }
}

/** Exponential backoff with full jitter: uniform in [0, min(maxDelay, base·2^(attempt-1))]. */
export function backoffDelayMs(attempt: number, settings: RetryPolicySettings, random: () => number): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

export interface RetryQuestion {
  error: PartnerCenterError;
  /** The attempt that just failed, 1-based. */
  attempt: number;
  elapsedMs: number;
  settings: RetryPolicySettings;
  random: () => number;
}

/** 429 waits exactly `Retry-After` (api-throttling-guidance.md), then backoff when the header is absent. */
export function decideRetry({ error, attempt, elapsedMs, settings, random }: RetryQuestion): RetryDecision {
  if (!isRetryable(error) || attempt >= settings.maxAttempts) return { retry: false };
  const delayMs =
    error.kind === 'throttled' && error.retryAfterSeconds !== undefined
      ? error.retryAfterSeconds * 1000
      : backoffDelayMs(attempt, settings, random);
  if (elapsedMs + delayMs >= settings.deadlineMs) return { retry: false };
  return { retry: true, delayMs };
}

export interface AttemptInfo {
  attempt: number;
  timeoutMs: number;
}

export type RetryListener = (error: PartnerCenterError, attempt: number, delayMs: number) => void;

/**
 * Runs one logical operation until it succeeds, fails for good, runs out of attempts or of time.
 * Only PartnerCenterErrors are considered for retry; anything else is a bug and propagates at once.
 */
export async function runWithRetry<T>(
  operation: (info: AttemptInfo) => Promise<T>,
  settings: RetryPolicySettings,
  runtime: RetryRuntime,
  onRetry?: RetryListener,
): Promise<T> {
  const startedAt = runtime.now();
  for (let attempt = 1; ; attempt += 1) {
    const remainingMs = settings.deadlineMs - (runtime.now() - startedAt);
    try {
      return await operation({ attempt, timeoutMs: Math.max(1, Math.min(settings.attemptTimeoutMs, remainingMs)) });
    } catch (error) {
      if (!isPartnerCenterError(error)) throw error;
      error.attempts = attempt;
      const decision = decideRetry({
        error,
        attempt,
        elapsedMs: runtime.now() - startedAt,
        settings,
        random: runtime.random,
      });
      if (!decision.retry) throw error;
      onRetry?.(error, attempt, decision.delayMs);
      await runtime.sleep(decision.delayMs);
    }
  }
}
