import { t } from '../../i18n/translate';
import { submittedPurchaseCard } from '../purchase/submitted-purchase-card';
import { noticeCard } from '../views/notice-card';
import type { Gated, OrderPurchase } from '../purchase/purchase';
import type { AdaptiveCard } from '../ports';
import type { CartCheckoutResult } from '../../partner-center/schemas';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';
import type { PurchaseKindHandler } from '../purchase/purchase-kind';
import { ordersMatchingLines } from '../purchase/outcome/find-placed-orders';
import { buildOrderRequest } from './order-request';
import { orderDraftCard, orderReviewCard } from './views/order-cards';
import { customerStepCard } from '../customer/customer-step-card';
import { sharedVerbs } from '../purchase/shared-verbs';
import { confirmCard } from '../purchase/views/confirm-card';
import { billingLabel } from '../views/format';
import { orderVerbs } from './order-verbs';

export const ORDER_CUSTOMER_VERBS = {
  title: 'order.customerTitle', pick: orderVerbs.pickCustomer, search: orderVerbs.searchCustomer, cancel: sharedVerbs.cartCancel,
} as const;

/**
 * An order of offers with one billing cycle, posted to the orders API (POST /orders) instead of a cart.
 * Partner Center answers with one Order, stored as a one-order checkout result so the result card, the
 * announcement and the provisioning watch treat every kind alike.
 */
export const orderKind: PurchaseKindHandler<OrderPurchase> = {
  currentCard: orderCurrentCard,
  submission: (purchase) => (deps) => submitOrder(deps, purchase),
  findPlacedOrders: ordersMatchingLines,
  confirmationCard: (purchase, errors) => confirmCard(purchase, orderSummary(purchase), errors),
  cancelledAction: 'cart.cancelled',
  // The orders API quotes no price before the order exists: the total is unknown, so an approver decides.
  totals: () => undefined,
};

/** An order's confirmation names its one billing cycle: the orders API has no prices to show before it is placed. */
function orderSummary(purchase: OrderPurchase): string {
  const locale = purchase.locale;
  return t(locale, 'order.confirmSummary', {
    count: purchase.lines.length, customer: purchase.customer?.name ?? '', billing: billingLabel(locale, purchase.order?.billingCycle ?? 'monthly'),
  });
}

/** The card for an order-kind purchase as stored (after a restart, a stale click, "Back"). */
async function orderCurrentCard(deps: PurchaseDeps, purchase: OrderPurchase): Promise<AdaptiveCard> {
  const locale = purchase.locale;
  const submitted = await submittedPurchaseCard(deps, purchase);
  if (submitted) return submitted;
  if (purchase.status === 'cancelled') return noticeCard(t(locale, 'order.cancelledTitle'), t(locale, 'order.cancelledText'));
  if (purchase.status === 'priced') return orderReviewCard(purchase);
  return purchase.customer ? orderDraftCard(purchase) : customerStepCard(purchase, { recent: [], results: [], query: '' }, ORDER_CUSTOMER_VERBS);
}

/** The MS-RequestId was fixed at the gate: a retry after a timeout or a crash cannot order twice. */
async function submitOrder(deps: PurchaseDeps, purchase: Gated<OrderPurchase>): Promise<CartCheckoutResult> {
  const checkout = purchase.checkout;
  const order = await deps.partnerCenter.createOrder(
    callContext(purchase, checkout.checkoutRequestId), purchase.customer.id, buildOrderRequest(purchase, checkout.attestation),
  );
  return { orders: [order] };
}
