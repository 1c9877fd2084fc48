/** How often something is checked: the planned waits between checks, then `longestMs` for every check after them. */
export interface PollingSchedule {
  delaysMs: readonly number[];
  longestMs: number;
}

/** The wait before check number `checksDone + 1`. */
export function pollingDelay(schedule: PollingSchedule, checksDone: number, retryAfterSeconds?: number): number {
  const planned = schedule.delaysMs[checksDone] ?? schedule.longestMs;
  // A 429 names its own wait (Retry-After); never poll sooner than that.
  return retryAfterSeconds === undefined ? planned : Math.max(planned, retryAfterSeconds * 1000);
}
