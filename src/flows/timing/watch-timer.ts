/**
 * The watcher's sense of time, injected so tests move it forward instead of sleeping. `schedule` runs a
 * task after a delay and returns how to cancel it.
 */
export interface WatchTimer {
  now(): Date;
  schedule(delayMs: number, task: () => void): () => void;
}

/** Real timers, unref'd so a pending check never keeps the process alive on shutdown. */
export function systemWatchTimer(now: () => Date): WatchTimer {
  return {
    now,
    schedule(delayMs, task) {
      const handle = setTimeout(task, Math.max(0, delayMs));
      handle.unref();
      return () => clearTimeout(handle);
    },
  };
}
