import { pollingDelay, type PollingSchedule } from '../../../retry/polling-schedule';

/**
 * How often an unknown order outcome is asked again. The rep is waiting and the question is cheap (one
 * replayed request, a cart read, an order list), so the first checks come quickly; Partner Center says of
 * 800060 "check your order history … in few minutes", so the schedule then slows down to every 10 minutes.
 */
const OUTCOME_CHECKS: PollingSchedule = { delaysMs: [5_000, 15_000, 30_000, 60_000, 120_000, 300_000], longestMs: 10 * 60_000 };

/**
 * After this long without an answer, the bot stops asking and says so, with the ids to look the order up
 * in Partner Center: an hour covers an outage and a slow order; longer would leave the rep with a card
 * that says "checking" all day.
 */
export const OUTCOME_LIMIT_MS = 60 * 60_000;

export function delayBeforeOutcomeCheck(checksDone: number, retryAfterSeconds?: number): number {
  return pollingDelay(OUTCOME_CHECKS, checksDone, retryAfterSeconds);
}
