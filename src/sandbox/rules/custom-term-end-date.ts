import { isLastDayOfUtcMonth, isSameUtcDay } from './durations';

/**
 * align-subscription-end-dates.md: a customTermEndDate must equal the end date of an active non-trial
 * OnlineServicesNCE subscription of the customer, or fall on a calendar-month end. The "within the first
 * term" limit is not enforced: create-a-cart.md's own example co-terms a P1M line to a date months away.
 */
export function isAllowedCustomTermEndDate(value: string, now: Date, activeNceEndDates: Date[]): boolean {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return false;
  if (activeNceEndDates.some((end) => isSameUtcDay(end, date))) return true;
  return isLastDayOfUtcMonth(date) && date.getTime() > now.getTime();
}
