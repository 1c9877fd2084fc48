import { t } from '../../i18n/translate';
import type { CardAction } from '../card-verb';
import type { ApprovalOutcome } from '../purchase/approval-schema';
import type { AddOnPurchase } from '../purchase/purchase';
import type { ApprovalNextStep } from '../purchase/approval-next-step';
import { sharedVerbs } from '../purchase/shared-verbs';
import { refOf } from '../views/actions';

/**
 * The rep's next step on a decided add-on: after a rejection its confirmation card again (quantity, the
 * attestation, Buy); after an expiry, as the priced cart cannot be checked out (checkout-a-cart), a new
 * add-on purchase for the same subscription.
 */
export function addOnAfterApproval(purchase: AddOnPurchase, outcome: ApprovalOutcome | undefined, locale: string): ApprovalNextStep {
  return { note: outcome === 'rejected' ? 'approval.next.rejectedAddOn' : undefined, actions: actionsAfter(purchase, outcome, locale) };
}

function actionsAfter(purchase: AddOnPurchase, outcome: ApprovalOutcome | undefined, locale: string): CardAction[] {
  const ref = refOf(purchase);
  const base = purchase.addOn.base;
  if (outcome === 'rejected' && purchase.status === 'priced') return [sharedVerbs.cartShow.action(t(locale, 'approval.sendAgain'), ref, 'positive')];
  if (outcome === 'expired' && base && purchase.customer) {
    return [sharedVerbs.addonForSubscription.action(t(locale, 'approval.restartAddOn'), { customerId: purchase.customer.id, subscriptionId: base.id }, 'positive')];
  }
  // As on the add-on's own result card: one step back, to pick the add-on again.
  if (purchase.status === 'failed') return [sharedVerbs.addonBack.action(t(locale, 'result.retry'), ref, 'positive')];
  return [];
}
