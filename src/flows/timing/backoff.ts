import { pollingDelay, type PollingSchedule } from '../../retry/polling-schedule';

/**
 * How often an order is re-read while it provisions. Partner Center allows 500 order requests a minute
 * per partner tenant and asks callers to avoid tight polling (api-throttling-guidance.md), while
 * provisioning usually takes minutes: start at 30 s and back off to every 15 minutes.
 */
const PROVISIONING_CHECKS: PollingSchedule = { delaysMs: [30_000, 60_000, 120_000, 300_000, 600_000], longestMs: 15 * 60_000 };

/** Orders still pending after a day need a person, not more polling; `status <order id>` still works. */
export const WATCH_LIMIT_MS = 24 * 60 * 60_000;

export function delayBeforeCheck(checksDone: number, retryAfterSeconds?: number): number {
  return pollingDelay(PROVISIONING_CHECKS, checksDone, retryAfterSeconds);
}

/**
 * order-resources.md: `pending` (and the review/PO states) are still in progress; anything else is an
 * outcome that will not change by waiting.
 */
export function isOrderSettled(status: string | null | undefined): boolean {
  const value = (status ?? '').toLowerCase().replace(/[\s_]/g, '');
  return !['', 'unknown', 'pending', 'pendingreview', 'pendingpoupload', 'pouploadcomplete'].includes(value);
}
