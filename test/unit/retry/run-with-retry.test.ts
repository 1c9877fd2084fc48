import type { RetryDecision } from '../../../src/retry/backoff';
import { runWithRetry } from '../../../src/retry/run-with-retry';
import { ManualClock } from '../teams/manual-clock';

describe('runWithRetry', () => {
  it('sleeps on the clock between attempts and tells each attempt the time spent so far', async () => {
    const clock = new ManualClock();
    const seen: [number, number][] = [];
    const result = await clock.settle(
      runWithRetry(
        async (attempt, elapsedMs) => {
          seen.push([attempt, elapsedMs]);
          if (attempt < 3) throw new Error(`failure ${attempt}`);
          return 'done';
        },
        (_error, attempt) => ({ retry: true, delayMs: attempt * 1000 }),
        clock,
      ),
    );
    expect(result).toBe('done');
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(seen).toEqual([[1, 0], [2, 1000], [3, 3000]]);
  });

  it('throws the failure it was told not to retry, after asking about every failure', async () => {
    const clock = new ManualClock();
    const asked: [string, number, number][] = [];
    const decide = (error: unknown, attempt: number, elapsedMs: number): RetryDecision => {
      asked.push([(error as Error).message, attempt, elapsedMs]);
      return attempt < 2 ? { retry: true, delayMs: 500 } : { retry: false };
    };
    const run = runWithRetry(async (attempt) => {
      throw new Error(`failure ${attempt}`);
    }, decide, clock);
    await expect(clock.settle(run)).rejects.toThrow('failure 2');
    expect(asked).toEqual([['failure 1', 1, 0], ['failure 2', 2, 500]]);
  });
});
