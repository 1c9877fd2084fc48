import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import type { SeatsPurchase } from '../../purchase/purchase';
import type { AdaptiveCard } from '../../ports';
import { seatOutcomeOf } from '../submit-seat-change';
import { seatChangeSummary } from './seat-change-summary';

/**
 * For the approval channel: a seat change that needed no approver because it spends nothing (fewer
 * seats, a cancellation, auto-renew off, fewer licences at renewal), once Partner Center applied it. An
 * increase is an approver's decision, so it gets none. Nothing to click: it is for the record.
 */
export function approverNoticeCard(purchase: SeatsPurchase): AdaptiveCard | undefined {
  const change = purchase.seats.change;
  const outcome = seatOutcomeOf(purchase.checkout?.result);
  if (purchase.status !== 'ordered' || !change || !outcome || !('subscription' in outcome)) return undefined;
  if (change.kind === 'quantity' && change.to > change.from) return undefined;
  const locale = purchase.locale;
  return renderCard('notice', {
    title: displayText(t(locale, 'seats.notice.title', { name: purchase.checkout?.startedBy.name ?? purchase.owner.name, customer: purchase.customer?.name ?? '' })),
    text: displayText(seatChangeSummary(purchase, change, outcome.subscription).text),
    detail: displayText(t(locale, 'seats.notice.detail', { id: purchase.correlationId })),
    actions: [],
  });
}
