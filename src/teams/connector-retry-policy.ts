import { z } from 'zod';
import { retryDecision, type RetryDecision, type RetryTiming } from '../retry/backoff';
import type { Clock } from '../retry/clock';
import { retryAfterMs } from '../retry/retry-after';
import { runWithRetry } from '../retry/run-with-retry';

/** Budgets for one send or update, all attempts and waits included. */
export type ConnectorRetrySettings = RetryTiming;

/** Teams' older guidance: three retries with exponential backoff and jitter (docs/platform-notes.md, "Rate limits and retries (Bot Connector)"). */
export const DEFAULT_CONNECTOR_RETRY: Readonly<ConnectorRetrySettings> = {
  maxAttempts: 4,
  deadlineMs: 30_000,
  baseDelayMs: 1_000,
  maxDelayMs: 10_000,
};

/**
 * 429 Throttled, 412 PreconditionFailed (concurrent operations on the conversation), 502, 503 and 504:
 * the statuses Teams says to retry. 500 ServiceError and every other status would answer the same again.
 */
const RETRYABLE_STATUSES = new Set([412, 429, 502, 503, 504]);

/** What the connector client's RestError tells us, read defensively: it is botbuilder's, not ours. */
interface HeaderReader {
  get(name: string): unknown;
}
const restErrorSchema = z.object({
  statusCode: z.number().int(),
  response: z
    .object({ headers: z.custom<HeaderReader>((v) => typeof (v as Partial<HeaderReader> | null)?.get === 'function') })
    .optional(),
});

interface ConnectorFailure {
  status: number;
  retryAfterMs?: number;
}

export function connectorFailureOf(error: unknown, now: number): ConnectorFailure | undefined {
  const parsed = restErrorSchema.safeParse(error);
  if (!parsed.success) return undefined;
  const header = parsed.data.response?.headers.get('retry-after');
  return { status: parsed.data.statusCode, retryAfterMs: typeof header === 'string' ? retryAfterMs(header, now) : undefined };
}

/** The server's Retry-After when it sent one, else exponential backoff with full jitter. */
export function decideConnectorRetry(
  failure: ConnectorFailure | undefined, attempt: number, elapsedMs: number, settings: ConnectorRetrySettings, random: () => number,
): RetryDecision {
  const retryable = failure !== undefined && RETRYABLE_STATUSES.has(failure.status);
  return retryDecision({ retryable, serverDelayMs: failure?.retryAfterMs, attempt, elapsedMs, timing: settings, random });
}

type ConnectorRetryListener = (failure: ConnectorFailure, attempt: number, delayMs: number) => void;

/** Runs one send or update until it succeeds, fails for good, or runs out of attempts or time. */
export function runWithConnectorRetry<T>(
  operation: (attempt: number) => Promise<T>,
  settings: ConnectorRetrySettings,
  clock: Clock,
  onRetry?: ConnectorRetryListener,
): Promise<T> {
  return runWithRetry(operation, (error, attempt, elapsedMs) => {
    const failure = connectorFailureOf(error, clock.now());
    const decision = decideConnectorRetry(failure, attempt, elapsedMs, settings, () => clock.random());
    if (decision.retry && failure) onRetry?.(failure, attempt, decision.delayMs);
    return decision;
  }, clock);
}
