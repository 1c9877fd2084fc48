import {
  SlidingWindowLimiter, TEAMS_PER_CONVERSATION_LIMITS, waitBeforeNext,
} from '../../../src/teams/sliding-window-limiter';
import { ManualClock } from './manual-clock';

describe('waitBeforeNext', () => {
  it('is zero while every window has room', () => {
    expect(waitBeforeNext([0, 0, 0, 0, 0, 0], 0, TEAMS_PER_CONVERSATION_LIMITS)).toBe(0);
  });

  it('waits for the oldest operation to leave a full window', () => {
    expect(waitBeforeNext([0, 0, 0, 0, 0, 0, 0], 0, TEAMS_PER_CONVERSATION_LIMITS)).toBe(1000);
    expect(waitBeforeNext([0, 0, 0, 0, 0, 0, 0], 400, TEAMS_PER_CONVERSATION_LIMITS)).toBe(600);
  });

  it('takes the longest wait of all windows (8 per 2 s after a burst of 7 and one more)', () => {
    expect(waitBeforeNext([0, 0, 0, 0, 0, 0, 0, 1000], 1000, TEAMS_PER_CONVERSATION_LIMITS)).toBe(1000);
  });

  it('counts only operations inside a window (an operation exactly one window ago has left it)', () => {
    expect(waitBeforeNext([0, 0, 0, 0, 0, 0, 0], 1000, [{ windowMs: 1000, maxOperations: 7 }])).toBe(0);
  });
});

describe('SlidingWindowLimiter with Teams per-conversation limits', () => {
  async function startTimes(count: number, key = 'a:chat'): Promise<number[]> {
    const clock = new ManualClock();
    const limiter = new SlidingWindowLimiter(TEAMS_PER_CONVERSATION_LIMITS, clock);
    const starts: number[] = [];
    await clock.settle(
      (async () => {
        for (let i = 0; i < count; i += 1) {
          await limiter.acquire(key);
          starts.push(clock.now());
        }
      })(),
    );
    return starts;
  }

  it('lets 7 go at once, the 8th after a second, then 8 every 2 seconds', async () => {
    const starts = await startTimes(17);
    expect(starts).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 3000, 4000]);
  });

  it('never exceeds any window, including 60 per 30 s', async () => {
    const starts = await startTimes(130);
    for (const { windowMs, maxOperations } of TEAMS_PER_CONVERSATION_LIMITS) {
      for (const at of starts) {
        expect(starts.filter((other) => other > at - windowMs && other <= at).length).toBeLessThanOrEqual(maxOperations);
      }
    }
    // The 61st operation has to wait for the first to leave the 30 s window.
    expect(starts[60]).toBe(30_000);
  });

  it('keeps conversations apart', async () => {
    const clock = new ManualClock();
    const limiter = new SlidingWindowLimiter(TEAMS_PER_CONVERSATION_LIMITS, clock);
    for (let i = 0; i < 7; i += 1) await limiter.acquire('a:one');
    await limiter.acquire('a:two');
    expect(clock.sleeps).toEqual([]);
    expect(limiter.trackedKeys).toBe(2);
  });
});
