import type { Clock } from './clock';
import type { RetryDecision } from './backoff';

/**
 * Runs one logical operation until it succeeds or `decide` gives up on a failure, sleeping on the clock
 * between attempts. `decide` sees every failure with its 1-based attempt and the time spent so far; a
 * failure it does not retry is thrown as is.
 */
export async function runWithRetry<T>(
  operation: (attempt: number, elapsedMs: number) => Promise<T>,
  decide: (error: unknown, attempt: number, elapsedMs: number) => RetryDecision,
  clock: Clock,
): Promise<T> {
  const startedAt = clock.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt, clock.now() - startedAt);
    } catch (error) {
      const decision = decide(error, attempt, clock.now() - startedAt);
      if (!decision.retry) throw error;
      await clock.sleep(decision.delayMs);
    }
  }
}
