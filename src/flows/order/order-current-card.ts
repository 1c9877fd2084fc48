import { t } from '../../i18n/translate';
import { submittedPurchaseCard } from '../cart/submitted-purchase-card';
import { customerStepCard } from '../addon/views/addon-cards';
import { noticeCard } from '../cart/views/notice-card';
import type { Purchase } from '../purchase/purchase';
import type { AdaptiveCard } from '../ports';
import { orderDraftCard, orderReviewCard } from './views/order-cards';

export const ORDER_CUSTOMER_VERBS = {
  title: 'order.customerTitle', pick: 'order.pickCustomer', search: 'order.searchCustomer', cancel: 'cart.cancel',
} as const;

/** The card for an order-kind purchase as stored (after a restart, a stale click, "Back"). */
export function orderCurrentCard(purchase: Purchase): AdaptiveCard {
  const locale = purchase.locale;
  const submitted = submittedPurchaseCard(purchase);
  if (submitted) return submitted;
  if (purchase.status === 'cancelled') return noticeCard(t(locale, 'order.cancelledTitle'), t(locale, 'order.cancelledText'));
  if (purchase.status === 'priced') return orderReviewCard(purchase);
  return purchase.customer ? orderDraftCard(purchase) : customerStepCard(purchase, { recent: [], results: [], query: '' }, ORDER_CUSTOMER_VERBS);
}
