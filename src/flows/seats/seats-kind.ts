import { t } from '../../i18n/translate';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';
import { submittedPurchaseCard } from '../purchase/submitted-purchase-card';
import { noticeCard } from '../views/notice-card';
import type { SeatsPurchase } from '../purchase/purchase';
import type { AdaptiveCard } from '../ports';
import type { PurchaseKindHandler } from '../purchase/purchase-kind';
import { customerStepCard } from '../customer/customer-step-card';
import { seatOutcomeOf, submitSeatChange } from './submit-seat-change';
import { seatSubscriptions } from './seat-subscriptions';
import { SEATS_CUSTOMER_VERBS, seatQuantityCard, seatReviewCard, seatSubscriptionsCard } from './views/seats-cards';
import { seatsResultCard } from './views/seats-result-card';
import { seatsApprovalSubject } from './views/seats-approval-subject';
import { seatChangePrices, seatChangeTotals } from './seat-change-money';
import { approverNoticeCard } from './views/approver-notice-card';
import { submitUndo, undoOutcomeOf } from './submit-undo';
import { undoResultCard } from './views/undo-result-card';

/**
 * A change of a subscription the customer already has (more or fewer seats, or a cancellation inside
 * Partner Center's window): one PATCH of the subscription, through the engine's gate, approvals, audit
 * and unknown-outcome resolver like any purchase.
 */
export const seatsKind: PurchaseKindHandler<SeatsPurchase> = {
  currentCard: seatsCurrentCard,
  submission: (purchase) => {
    const { change, subscription, undoLines } = purchase.seats;
    if (undoLines) return (deps) => submitUndo(deps, purchase, undoLines);
    return change && subscription ? (deps) => submitSeatChange(deps, purchase, change, subscription.id) : undefined;
  },
  // A seat change places no order to look for: a repeated submission reads the subscription back
  // (verdictFromReadBack) and so tells itself whether the lost PATCH was applied.
  findPlacedOrders: () => Promise.resolve([]),
  succeeded: (result) => {
    const outcome = seatOutcomeOf(result);
    const undone = undoOutcomeOf(result) ?? [];
    return (outcome !== undefined && 'subscription' in outcome) || undone.some((line) => line.outcome === 'cancelled');
  },
  cancelledAction: 'seats.cancelled',
  totals: seatChangeTotals,
  prices: seatChangePrices,
  approvalSubject: seatsApprovalSubject,
  approverNotice: approverNoticeCard,
};

export async function seatsCurrentCard(deps: PurchaseDeps, purchase: SeatsPurchase): Promise<AdaptiveCard> {
  if (purchase.status === 'ordered' || purchase.status === 'failed') {
    return purchase.seats.undoLines ? undoResultCard(purchase) : seatsResultCard(purchase, deps.now());
  }
  const submitted = await submittedPurchaseCard(deps, purchase);
  if (submitted) return submitted;
  if (purchase.status === 'cancelled' || purchase.status === 'expired') {
    return noticeCard(t(purchase.locale, 'seats.cancelled.title'), t(purchase.locale, 'seats.cancelled.text'));
  }
  return stepCardFor(deps, purchase);
}

async function stepCardFor(deps: PurchaseDeps, purchase: SeatsPurchase): Promise<AdaptiveCard> {
  const state = purchase.seats;
  const customer = purchase.customer;
  if (!state || state.step === 'customer' || !customer) return customerStepCard(purchase, { recent: [], results: [], query: '' }, SEATS_CUSTOMER_VERBS);
  const ctx = callContext(purchase);
  if (state.step === 'subscription' || !state.subscription) {
    return seatSubscriptionsCard(purchase, seatSubscriptions(await deps.partnerCenter.listSubscriptions(ctx, customer.id)));
  }
  if (state.step === 'quantity' || !state.change) {
    return seatQuantityCard(purchase, await deps.partnerCenter.getSubscription(ctx, customer.id, state.subscription.id), deps.now());
  }
  return seatReviewCard(purchase);
}
