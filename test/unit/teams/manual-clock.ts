import type { Clock } from '../../../src/retry/clock';

interface Timer {
  at: number;
  fire: () => void;
}

/**
 * A Clock whose time moves only when the test moves it. `settle` runs work to its end, advancing
 * to the next timer whenever the work is waiting on the clock: no real waiting, exact timings.
 */
export class ManualClock implements Clock {
  private current = 0;
  private timers: Timer[] = [];
  private sleepers: (() => void)[] = [];
  /** What `random()` returns: 0.5 puts backoff in the middle of its jitter range. */
  randomValue = 0.5;
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[] = [];

  now(): number {
    return this.current;
  }

  random(): number {
    return this.randomValue;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve) => {
      this.timers.push({ at: this.current + ms, fire: resolve });
      this.timers.sort((a, b) => a.at - b.at);
      this.sleepers.splice(0).forEach((wake) => wake());
    });
  }

  /** Moves time to the earliest pending timer and fires every timer due by then. */
  advanceToNextTimer(): void {
    const next = this.timers[0];
    if (!next) return;
    this.current = Math.max(this.current, next.at);
    const due = this.timers.filter((timer) => timer.at <= this.current);
    this.timers = this.timers.filter((timer) => timer.at > this.current);
    due.forEach((timer) => timer.fire());
  }

  async settle<T>(work: Promise<T>): Promise<T> {
    let finished = false;
    const settled = Promise.allSettled([work]).then(() => {
      finished = true;
    });
    while (!finished) {
      await Promise.race([settled, this.timerPending()]);
      if (!finished) this.advanceToNextTimer();
    }
    return work;
  }

  private timerPending(): Promise<void> {
    if (this.timers.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.sleepers.push(resolve));
  }
}
