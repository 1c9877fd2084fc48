import { t } from '../../i18n/translate';
import { progressCard } from './views/progress-card';
import { resultCard } from './views/result-card';
import { unknownOutcomeCard } from './views/unknown-outcome-card';
import type { Purchase } from './purchase';
import type { AdaptiveCard } from '../ports';
import type { PurchaseDeps } from './purchase-deps';
import { currentUndoOffer } from './undo/current-undo-offer';

/**
 * The card of a purchase (cart, add-on or order) that has left the rep's hands: Partner Center's answer once there is
 * one, each order as last read (with Undo while Partner Center still allows it), "placing the order" until then.
 * Undefined while the rep is still building or has dropped it.
 */
export async function submittedPurchaseCard(deps: PurchaseDeps, purchase: Purchase): Promise<AdaptiveCard | undefined> {
  const locale = purchase.locale;
  const customer = purchase.customer?.name ?? '';
  switch (purchase.status) {
    case 'ordered': {
      const latest = (await deps.latestOrders?.(purchase)) ?? [];
      return resultCard(purchase, latest, await currentUndoOffer({ reader: deps.partnerCenter, now: deps.now, log: deps.log }, purchase, latest));
    }
    case 'failed':
      return resultCard(purchase);
    case 'outcome_unknown':
    case 'unconfirmed':
      return unknownOutcomeCard(purchase);
    case 'checking_out':
    case 'approved':
    case 'awaiting_approval':
      return progressCard(t(locale, 'checkout.title'), customer, t(locale, 'checkout.text', { customer }));
    default:
      return undefined;
  }
}
