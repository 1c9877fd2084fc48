import type { MessageKey } from '../../i18n/catalogs';
import { t } from '../../i18n/translate';
import type { CardAction } from '../card-verb';
import { refOf } from '../views/actions';
import type { ApprovalOutcome } from './approval-schema';
import type { Purchase } from './purchase';
import { sharedVerbs } from './shared-verbs';

/** What the rep can do next on their own approval card (PurchaseKindHandler.afterApproval): a note and buttons. */
export interface ApprovalNextStep {
  note?: MessageKey;
  actions: CardAction[];
}

/**
 * The rep's way on from an approval request of a purchase built on cards of its own (a cart, an order):
 * after a rejection the priced purchase can be sent again or edited; after an expiry, rebuilt (a new
 * Partner Center cart); after a refused checkout, tried again; after the order or a withdrawal, a new cart.
 */
export function cartAfterApproval(purchase: Purchase, outcome: ApprovalOutcome | undefined, locale: string): ApprovalNextStep {
  return { note: outcome === 'rejected' ? 'approval.next.rejected' : undefined, actions: actionsAfter(purchase, outcome, locale) };
}

function actionsAfter(purchase: Purchase, outcome: ApprovalOutcome | undefined, locale: string): CardAction[] {
  const ref = refOf(purchase);
  if (outcome === 'rejected' && purchase.status === 'priced') {
    return [sharedVerbs.cartConfirm.action(t(locale, 'approval.sendAgain'), ref, 'positive'), sharedVerbs.cartEdit.action(t(locale, 'approval.edit'), ref)];
  }
  if (outcome === 'expired' && purchase.status === 'expired') return [sharedVerbs.cartReview.action(t(locale, 'approval.rebuild'), ref, 'positive')];
  if (purchase.status === 'failed') return [sharedVerbs.cartShow.action(t(locale, 'result.retry'), ref, 'positive')];
  if (purchase.status === 'ordered' || outcome === 'withdrawn') return [sharedVerbs.cartStart.action(t(locale, 'common.newCart'), {})];
  return [];
}
