/**
 * How often an order is re-read while it provisions. Partner Center allows 500 order requests a minute
 * per partner tenant and asks callers to avoid tight polling (api-throttling-guidance.md), while
 * provisioning usually takes minutes: start at 30 s and back off to every 15 minutes.
 */
const DELAYS_MS = [30_000, 60_000, 120_000, 300_000, 600_000];
const LONGEST_DELAY_MS = 15 * 60_000;

/** Orders still pending after a day need a person, not more polling; `status <order id>` still works. */
export const WATCH_LIMIT_MS = 24 * 60 * 60_000;

export function delayBeforeCheck(checksDone: number, retryAfterSeconds?: number): number {
  return scheduledDelay(DELAYS_MS, LONGEST_DELAY_MS, checksDone, retryAfterSeconds);
}

/** The wait before check number `checksDone + 1` of a polling schedule that ends at its longest delay. */
export function scheduledDelay(delaysMs: readonly number[], longestMs: number, checksDone: number, retryAfterSeconds?: number): number {
  const planned = delaysMs[checksDone] ?? longestMs;
  // A 429 names its own wait (Retry-After); never poll sooner than that.
  return retryAfterSeconds === undefined ? planned : Math.max(planned, retryAfterSeconds * 1000);
}

/**
 * order-resources.md: `pending` (and the review/PO states) are still in progress; anything else is an
 * outcome that will not change by waiting.
 */
export function isOrderSettled(status: string | null | undefined): boolean {
  const value = (status ?? '').toLowerCase().replace(/[\s_]/g, '');
  return !['', 'unknown', 'pending', 'pendingreview', 'pendingpoupload', 'pouploadcomplete'].includes(value);
}
