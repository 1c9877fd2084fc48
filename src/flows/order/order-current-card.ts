import { t } from '../../i18n/translate';
import { customerStepCard } from '../addon/views/addon-cards';
import { noticeCard } from '../cart/views/notice-card';
import { progressCard } from '../cart/views/progress-card';
import { resultCard } from '../cart/views/result-card';
import type { Purchase } from '../purchase/purchase';
import type { AdaptiveCard } from '../ports';
import { orderDraftCard, orderReviewCard } from './views/order-cards';

export const ORDER_CUSTOMER_VERBS = {
  title: 'order.customerTitle', pick: 'order.pickCustomer', search: 'order.searchCustomer', cancel: 'cart.cancel',
} as const;

/** The card for an order-kind purchase as stored (after a restart, a stale click, "Back"). */
export function orderCurrentCard(purchase: Purchase): AdaptiveCard {
  const locale = purchase.locale;
  switch (purchase.status) {
    case 'ordered':
    case 'failed':
      return resultCard(purchase);
    case 'cancelled':
      return noticeCard(t(locale, 'order.cancelledTitle'), t(locale, 'order.cancelledText'));
    case 'checking_out':
    case 'approved':
    case 'awaiting_approval':
      return progressCard(t(locale, 'checkout.title'), purchase.customer?.name ?? '', t(locale, 'checkout.text', { customer: purchase.customer?.name ?? '' }));
    case 'priced':
      return orderReviewCard(purchase);
    case 'draft':
    case 'expired':
      return purchase.customer ? orderDraftCard(purchase) : customerStepCard(purchase, { recent: [], results: [], query: '' }, ORDER_CUSTOMER_VERBS);
  }
}
