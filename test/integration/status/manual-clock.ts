import type { WatchTimer } from '../../../src/flows/timing/watch-timer';

/**
 * One hand-moved clock for the bot, its provisioning watch and the sandbox: `advance` moves time and runs
 * the watch's due checks at once, so a test follows an order for minutes without sleeping.
 */
export class ManualClock implements WatchTimer {
  private current: number;
  private readonly tasks = new Set<{ at: number; task: () => void }>();

  constructor(start: Date) {
    this.current = start.getTime();
  }

  readonly now = (): Date => new Date(this.current);

  schedule(delayMs: number, task: () => void): () => void {
    const entry = { at: this.current + Math.max(0, delayMs), task };
    this.tasks.add(entry);
    return () => this.tasks.delete(entry);
  }

  advance(ms: number): void {
    this.current += ms;
    const due = [...this.tasks].filter((entry) => entry.at <= this.current).sort((a, b) => a.at - b.at);
    for (const entry of due) {
      this.tasks.delete(entry);
      entry.task();
    }
  }

  get scheduled(): number {
    return this.tasks.size;
  }
}
