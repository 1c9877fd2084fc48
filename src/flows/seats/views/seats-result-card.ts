import { plainText } from '../../../cards/plain-text';
import { cardDateTime } from '../../../i18n/card-time';
import { t } from '../../../i18n/translate';
import { refOf } from '../../views/actions';
import type { CardAction } from '../../card-verb';
import { sharedVerbs } from '../../purchase/shared-verbs';
import { seatsVerbs } from '../seats-verbs';
import { resultCard } from '../../purchase/views/result-card';
import type { SeatsPurchase } from '../../purchase/purchase';
import type { AdaptiveCard } from '../../ports';
import { seatOutcomeOf } from '../submit-seat-change';
import { undoDeadline } from '../undo-window';
import { changeCard } from './seats-cards';
import { seatChangeSummary } from './seat-change-summary';
import { withOwnerRefresh } from '../../purchase/undo/owner-refresh';

/**
 * The answer to a seat change: what the subscription has now; for added seats, "Undo until …" while
 * Partner Center still takes them back, with a refresh for the rep (the button goes once `now` is past it). Someone else's change in
 * between is shown as the subscription's new state, nothing having been sent over it. A refusal is the
 * engine's failure view (code, correlation id, request id, Try again).
 */
export function seatsResultCard(purchase: SeatsPurchase, now: Date): AdaptiveCard {
  const locale = purchase.locale;
  const outcome = seatOutcomeOf(purchase.checkout?.result);
  const name = purchase.seats.subscription?.name ?? '';
  const subtitle = plainText(purchase.customer?.name ?? '');
  const change = purchase.seats.change;
  if (!outcome || !change) return resultCard(purchase);
  if ('changedMeanwhile' in outcome) {
    const current = outcome.changedMeanwhile;
    return changeCard({
      title: t(locale, 'seats.changed.title'),
      subtitle,
      facts: [t(locale, 'seats.changed.text', { name: plainText(name), count: current.quantity, status: current.status })],
      actions: [sharedVerbs.seatsBack.action(t(locale, 'seats.changed.again'), refOf(purchase), 'positive')],
    });
  }
  const startedBy = purchase.checkout?.startedBy.name ?? '';
  if (change.kind === 'auto_renew' || change.kind === 'scheduled_quantity') {
    const summary = seatChangeSummary(purchase, change, outcome.subscription);
    return changeCard({ title: summary.title, subtitle, facts: [summary.text, t(locale, 'seats.done.changedBy', { name: plainText(startedBy) })], actions: [] });
  }
  if (change.kind === 'cancel') {
    return changeCard({
      title: t(locale, 'seats.done.cancelledTitle'), subtitle,
      facts: [t(locale, 'seats.done.cancelledText', { name: plainText(name) }), t(locale, 'seats.done.changedBy', { name: plainText(startedBy) })],
      actions: [],
    });
  }
  const facts = [
    t(locale, 'seats.done.text', { name: plainText(name), from: change.from, to: outcome.subscription.quantity }),
    t(locale, 'seats.done.changedBy', { name: plainText(startedBy) }),
  ];
  const actions: CardAction[] = [];
  const deadline = undoDeadline(purchase);
  const undoOpen = deadline !== undefined && now.getTime() <= deadline.getTime();
  if (undoOpen) {
    facts.push(t(locale, 'seats.done.undoUntil', { date: cardDateTime(deadline.toISOString()) }));
    actions.push(seatsVerbs.undo.action(t(locale, 'seats.done.undo'), refOf(purchase)));
  }
  const card = changeCard({ title: t(locale, 'seats.done.title'), subtitle, facts, actions });
  return undoOpen ? withOwnerRefresh('seats-change', card, purchase.owner, seatsVerbs.show.action('', refOf(purchase))) : card;
}
