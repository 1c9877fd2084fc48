import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How reps click. A person needs a moment between clicks; the bot enforces Teams' per-conversation
 * limit (8 connector operations per 2 s, 60 per 30 s) and a driver clicking back-to-back would measure
 * that deliberate wait instead of the bot. Each rep therefore waits `thinkMs` after a turn before the
 * next. `exclusive` also lets only one turn run at a time across all reps, so a latency sample is
 * never queued behind another rep's turn.
 */
export class Pacer {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    readonly thinkMs: number,
    private readonly exclusive: boolean,
  ) {}

  /** A gate for one rep: runs each of the rep's turns once it may. */
  forRep(): <T>(turn: () => Promise<T>) => Promise<T> {
    let lastTurnEnded = 0;
    return async (turn) => {
      const wait = lastTurnEnded + this.thinkMs - Date.now();
      if (lastTurnEnded > 0 && wait > 0) await sleep(wait);
      try {
        return this.exclusive ? await this.alone(turn) : await turn();
      } finally {
        lastTurnEnded = Date.now();
      }
    };
  }

  private alone<T>(turn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(turn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
