import { z } from 'zod';
import type { SendClock } from './send-clock';

export interface ConnectorRetrySettings {
  /** Attempts including the first one. */
  maxAttempts: number;
  /** Budget for one send or update, all attempts and waits included. */
  deadlineMs: number;
  /** First backoff ceiling; doubles each attempt up to `maxDelayMs` (full jitter picks 0..ceiling). */
  baseDelayMs: number;
  maxDelayMs: number;
}

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

export interface ConnectorFailure {
  status: number;
  retryAfterMs?: number;
}

export function connectorFailureOf(error: unknown, now: number): ConnectorFailure | undefined {
  const parsed = restErrorSchema.safeParse(error);
  if (!parsed.success) return undefined;
  const header = parsed.data.response?.headers.get('retry-after');
  return { status: parsed.data.statusCode, retryAfterMs: typeof header === 'string' ? parseRetryAfter(header, now) : undefined };
}

/** Retry-After is delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string, now: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export type ConnectorRetryDecision = { retry: true; delayMs: number } | { retry: false };

/** The server's Retry-After when it sent one, else exponential backoff with full jitter. */
export function decideConnectorRetry(
  failure: ConnectorFailure | undefined, attempt: number, elapsedMs: number, settings: ConnectorRetrySettings, random: () => number,
): ConnectorRetryDecision {
  if (!failure || !RETRYABLE_STATUSES.has(failure.status) || attempt >= settings.maxAttempts) return { retry: false };
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
  const delayMs = failure.retryAfterMs ?? Math.floor(random() * ceiling);
  if (elapsedMs + delayMs >= settings.deadlineMs) return { retry: false };
  return { retry: true, delayMs };
}

export type ConnectorRetryListener = (failure: ConnectorFailure, attempt: number, delayMs: number) => void;

/** Runs one send or update until it succeeds, fails for good, or runs out of attempts or time. */
export async function runWithConnectorRetry<T>(
  operation: (attempt: number) => Promise<T>,
  settings: ConnectorRetrySettings,
  clock: SendClock,
  onRetry?: ConnectorRetryListener,
): Promise<T> {
  const startedAt = clock.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      const failure = connectorFailureOf(error, clock.now());
      const decision = decideConnectorRetry(failure, attempt, clock.now() - startedAt, settings, () => clock.random());
      if (!decision.retry) throw error;
      onRetry?.(failure!, attempt, decision.delayMs);
      await clock.sleep(decision.delayMs);
    }
  }
}
