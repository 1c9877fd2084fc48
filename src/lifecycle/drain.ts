import type { BackgroundWork } from '../background-work';
import type { TurnGate } from './turn-gate';

export interface DrainOutcome {
  /** False when the deadline came first: what was still running is resumed by the next process. */
  finished: boolean;
  turnsLeft: number;
  backgroundLeft: number;
  elapsedMs: number;
}

/**
 * Waits for the turns already admitted, then for the background work they and earlier turns started
 * (a turn can hand its checkout to the background just before it answers), at most until the deadline.
 */
export async function drain(gate: TurnGate, background: BackgroundWork, deadlineMs: number): Promise<DrainOutcome> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
  });
  const settled = (async () => {
    await gate.idle();
    await background.idle();
    return true as const;
  })();
  try {
    const finished = await Promise.race([settled, deadline]);
    return { finished, turnsLeft: gate.inFlight, backgroundLeft: background.size, elapsedMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}
