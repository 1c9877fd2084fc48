import type { SandboxContext } from '../context';
import { invalidInput } from '../errors';
import type { Route } from '../http/types';
import { collection } from '../resources/links';
import { addDays, addMonths, startOfUtcDay, termMonths } from '../rules/durations';

/** The docs show these dates without a zone ("2023-07-31T00:00:00"); they are UTC. */
const dateOnly = (date: Date): string => `${date.toISOString().slice(0, 10)}T00:00:00`;

function lastDayOfMonth(date: Date): Date {
  return addDays(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)), -1);
}

/**
 * custom-term-end-dates.md / align-subscription-end-dates.md: the calendar-month-aligned date ends the
 * (term − 1)th month after purchase (bought 07-15: P1M → 07-31, P1Y → next 06-30); subscription-aligned
 * dates are end dates of active non-trial NCE subscriptions inside the first term, except that annual and
 * longer terms cannot co-term with a monthly-term subscription.
 */
export function customTermEndDatesRoute({ store }: SandboxContext): Route {
  return {
    method: 'GET',
    pattern: '/customers/{customerId}/subscriptions/customTermEndDates',
    handler: ({ params, query, now }) => {
      const customer = store.customer(params['customerId'] ?? '');
      const termDuration = query['term_duration'] ?? '';
      const months = termMonths(termDuration);
      if (months === undefined) throw invalidInput('term_duration must be an ISO-8601 term such as P1M or P1Y.');
      const termEnd = addMonths(startOfUtcDay(now), months);
      const candidates = new Map<string, string[]>();
      for (const { resource } of store.subscriptionsOf(customer.id)) {
        if (resource.status !== 'active' || resource.isTrial || resource.productType?.id !== 'OnlineServicesNCE' || !resource.commitmentEndDate) continue;
        if (months > 1 && resource.termDuration === 'P1M') continue;
        const end = new Date(resource.commitmentEndDate);
        if (end.getTime() <= now.getTime() || end.getTime() > termEnd.getTime()) continue;
        const key = dateOnly(end);
        candidates.set(key, [...(candidates.get(key) ?? []), resource.id]);
      }
      const items = [
        { allowedCustomTermEndDateType: 'calendarMonthAligned', allowedCustomTermEndDate: dateOnly(lastDayOfMonth(addMonths(now, months - 1))) },
        ...[...candidates].map(([date, ids]) => ({
          allowedCustomTermEndDateType: 'subscriptionAligned', cotermSubscriptionIds: ids, allowedCustomTermEndDate: date,
        })),
      ];
      return { status: 200, body: collection(items, `/customers/${customer.id}/subscriptions/customTermEndDates?term_duration=${termDuration}`) };
    },
  };
}
