import type { BillingCycle } from '../contract/enums';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Months in an ISO-8601 term (P1M, P1Y, P3Y); undefined for shapes terms never take. */
export function termMonths(termDuration: string): number | undefined {
  const found = /^P(\d+)([MY])$/i.exec(termDuration.trim());
  if (!found) return undefined;
  const amount = Number(found[1]);
  return found[2]?.toUpperCase() === 'Y' ? amount * 12 : amount;
}

/** Months one billing period covers; undefined for one_time/none, which have no period. */
export function billingCycleMonths(cycle: BillingCycle): number | undefined {
  const months: Partial<Record<BillingCycle, number>> = { monthly: 1, annual: 12, biennial: 24, triennial: 36 };
  return months[cycle];
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/** NCE terms end the day before the anniversary (align-subscription-end-dates.md examples). */
export function termEndDate(start: Date, termDuration: string): Date | undefined {
  const months = termMonths(termDuration);
  return months === undefined ? undefined : addDays(addMonths(startOfUtcDay(start), months), -1);
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function isSameUtcDay(a: Date, b: Date): boolean {
  return startOfUtcDay(a).getTime() === startOfUtcDay(b).getTime();
}

export function isLastDayOfUtcMonth(date: Date): boolean {
  return addDays(date, 1).getUTCDate() === 1;
}
