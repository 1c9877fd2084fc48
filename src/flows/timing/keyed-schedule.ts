import type { BackgroundWork } from '../../background-work';
import type { WatchTimer } from './watch-timer';

/**
 * At most one pending check per key (an order, a purchase), run as background work when due; `stop()`
 * cancels every pending one and refuses new ones (shutdown).
 */
export class KeyedSchedule {
  private readonly pending = new Map<string, () => void>();
  private stopped = false;

  constructor(
    private readonly timer: WatchTimer,
    private readonly background: BackgroundWork,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  at(key: string, iso: string, task: () => Promise<void>): void {
    if (this.stopped) return;
    this.pending.get(key)?.();
    const cancel = this.timer.schedule(Date.parse(iso) - this.timer.now().getTime(), () => {
      this.pending.delete(key);
      this.background.run(task);
    });
    this.pending.set(key, cancel);
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }
}
