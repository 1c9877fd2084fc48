import type { Clock } from '../retry/clock';

export interface RateWindow {
  windowMs: number;
  maxOperations: number;
}

/**
 * Teams' limits for one bot sending to one conversation (thread): 7 per second, 8 per 2 s, 60 per 30 s,
 * 1800 per hour (docs/platform-notes.md, "Rate limits and retries (Bot Connector)"). Updates are counted like sends: the table does
 * not list them separately and Teams throttles them with the same 429.
 */
export const TEAMS_PER_CONVERSATION_LIMITS: readonly RateWindow[] = [
  { windowMs: 1_000, maxOperations: 7 },
  { windowMs: 2_000, maxOperations: 8 },
  { windowMs: 30_000, maxOperations: 60 },
  { windowMs: 3_600_000, maxOperations: 1_800 },
];

/** How long to wait before one more operation fits every window, given the start times already spent. */
export function waitBeforeNext(history: readonly number[], now: number, windows: readonly RateWindow[]): number {
  let wait = 0;
  for (const { windowMs, maxOperations } of windows) {
    const inWindow = history.filter((at) => at > now - windowMs);
    if (inWindow.length < maxOperations) continue;
    // The oldest operation that must leave the window before there is room again.
    const mustLeave = inWindow[inWindow.length - maxOperations];
    wait = Math.max(wait, mustLeave + windowMs - now);
  }
  return wait;
}

/**
 * Sliding-window limiter per key (a conversation id): `acquire` resolves once an operation may start
 * without exceeding any window, and counts that operation.
 */
export class SlidingWindowLimiter {
  private readonly history = new Map<string, number[]>();
  private readonly longestWindowMs: number;
  private acquiredSinceSweep = 0;

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly clock: Clock,
  ) {
    this.longestWindowMs = Math.max(...windows.map((w) => w.windowMs));
  }

  async acquire(key: string): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const wait = waitBeforeNext(this.recent(key, now), now, this.windows);
      if (wait <= 0) return this.record(key);
      await this.clock.sleep(wait);
    }
  }

  /** Counts an operation that starts now whether or not there is room (it is still paced for the next ones). */
  record(key: string): void {
    const now = this.clock.now();
    this.history.set(key, [...this.recent(key, now), now]);
    this.sweepNowAndThen(now);
  }

  /** Conversations currently remembered (for tests and metrics). */
  get trackedKeys(): number {
    return this.history.size;
  }

  private recent(key: string, now: number): number[] {
    return (this.history.get(key) ?? []).filter((at) => at > now - this.longestWindowMs);
  }

  /** Forgets conversations quiet for longer than the longest window, so memory follows active chats only. */
  private sweepNowAndThen(now: number): void {
    this.acquiredSinceSweep += 1;
    if (this.acquiredSinceSweep < 1_000) return;
    this.acquiredSinceSweep = 0;
    for (const [key, times] of this.history) {
      if (times[times.length - 1] <= now - this.longestWindowMs) this.history.delete(key);
    }
  }
}
