import { retryDecision, type RetryDecision, type RetryTiming } from '../retry/backoff';
import type { Clock } from '../retry/clock';
import { runWithRetry as runOnClock } from '../retry/run-with-retry';
import { isPartnerCenterError, type PartnerCenterError } from './errors';

export interface RetryPolicySettings extends RetryTiming {
  /** Budget of a single HTTP attempt (request and body); capped by what is left of the deadline. */
  attemptTimeoutMs: number;
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

interface RetryQuestion {
  error: PartnerCenterError;
  /** The attempt that just failed, 1-based. */
  attempt: number;
  elapsedMs: number;
  settings: RetryPolicySettings;
  random: () => number;
}

/** 429 waits exactly `Retry-After` (api-throttling-guidance.md), then backoff when the header is absent. */
export function decideRetry({ error, attempt, elapsedMs, settings, random }: RetryQuestion): RetryDecision {
  const serverDelayMs = error.kind === 'throttled' && error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : undefined;
  return retryDecision({ retryable: isRetryable(error), serverDelayMs, attempt, elapsedMs, timing: settings, random });
}

export interface AttemptInfo {
  attempt: number;
  timeoutMs: number;
}

type RetryListener = (error: PartnerCenterError, attempt: number, delayMs: number) => void;

/**
 * Runs one logical operation until it succeeds, fails for good, runs out of attempts or of time.
 * Only PartnerCenterErrors are considered for retry; anything else is a bug and propagates at once.
 */
export function runWithRetry<T>(
  operation: (info: AttemptInfo) => Promise<T>,
  settings: RetryPolicySettings,
  clock: Clock,
  onRetry?: RetryListener,
): Promise<T> {
  return runOnClock(
    (attempt, elapsedMs) => operation({ attempt, timeoutMs: Math.max(1, Math.min(settings.attemptTimeoutMs, settings.deadlineMs - elapsedMs)) }),
    (error, attempt, elapsedMs) => {
      if (!isPartnerCenterError(error)) return { retry: false };
      error.attempts = attempt;
      const decision = decideRetry({ error, attempt, elapsedMs, settings, random: () => clock.random() });
      if (decision.retry) onRetry?.(error, attempt, decision.delayMs);
      return decision;
    },
    clock,
  );
}
