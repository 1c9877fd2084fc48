import { plainText } from '../../../cards/plain-text';
import { t } from '../../../i18n/translate';
import { explainFailure } from '../../../partner-center';
import type { SeatsPurchase } from '../../purchase/purchase';
import { failureDetail } from '../../purchase/views/failure-detail';
import { resultCard } from '../../purchase/views/result-card';
import type { AdaptiveCard } from '../../ports';
import { undoOutcomeOf } from '../submit-undo';
import { changeCard } from './seats-cards';

/**
 * The answer to an Undo of a placed purchase, line by line: cancelled, or not, with Partner Center's
 * reason, code and correlation id (and request id) for each refused line. A failure before any line was
 * tried is the engine's failure view.
 */
export function undoResultCard(purchase: SeatsPurchase): AdaptiveCard {
  const locale = purchase.locale;
  const cancellations = undoOutcomeOf(purchase.checkout?.result);
  if (!cancellations) return resultCard(purchase);
  const lines = new Map((purchase.seats.undoLines ?? []).map((line) => [line.subscriptionId, line]));
  const facts = cancellations.map((cancellation) => {
    const line = lines.get(cancellation.subscriptionId);
    const words = { quantity: line?.quantity ?? 0, name: plainText(line?.name ?? cancellation.subscriptionId) };
    switch (cancellation.outcome) {
      case 'cancelled':
        return t(locale, 'undo.line.cancelled', words);
      case 'changed_meanwhile':
        return t(locale, 'undo.line.changed', { ...words, status: cancellation.status ?? '' });
      case 'refused': {
        const failure = cancellation.failure ?? { description: '', messageKey: 'pc.unknown' };
        const detail = failureDetail(locale, failure, { correlationId: purchase.correlationId, requestId: line?.requestId });
        return t(locale, 'undo.line.refused', { ...words, reason: t(locale, 'pc.format', { message: explainFailure(locale, failure), detail }) });
      }
    }
  });
  const done = cancellations.filter((cancellation) => cancellation.outcome === 'cancelled').length;
  const title = done === cancellations.length ? 'undo.done.title' : done > 0 ? 'undo.partial.title' : 'undo.failed.title';
  facts.push(t(locale, 'seats.done.changedBy', { name: plainText(purchase.checkout?.startedBy.name ?? '') }));
  return changeCard({ title: t(locale, title), subtitle: plainText(purchase.customer?.name ?? ''), facts, actions: [] });
}
