import { t } from '../../../i18n/translate';
import { partnerCenterCart, type Purchase } from '../purchase';
import type { AdaptiveCard } from '../../ports';
import { failureDetail } from './failure-detail';
import { noticeCard } from '../../views/notice-card';
import { progressCard } from './progress-card';

/** 800060 "Your order is in progress": Partner Center has the order and is still working on it. */
const ORDER_IN_PROGRESS = '800060';

/**
 * A purchase whose order placement got no definite answer. While the resolver is asking: "checking with
 * Partner Center", never "nothing was bought". Once it has given up: the ids to look the order up in
 * Partner Center before anyone orders again.
 */
export function unknownOutcomeCard(purchase: Purchase): AdaptiveCard {
  const locale = purchase.locale;
  const customer = purchase.customer?.name ?? '';
  const checkout = purchase.checkout;
  const lastFailure = checkout?.unknown?.lastFailure;
  const requestId = checkout?.checkoutRequestId ?? '—';
  const detail = lastFailure ? failureDetail(locale, lastFailure, { correlationId: purchase.correlationId, requestId }) : '';
  if (purchase.status === 'unconfirmed') {
    const cartId = partnerCenterCart(purchase)?.id;
    const cart = cartId ? t(locale, 'outcome.cart', { cartId }) : '';
    return noticeCard(
      t(locale, 'outcome.unconfirmedTitle', { customer }),
      t(locale, 'outcome.unconfirmedText', { customer, customerId: purchase.customer?.id ?? '' }),
      [cart, detail].filter(Boolean).join(' · '),
    );
  }
  const inProgress = String(lastFailure?.code ?? '') === ORDER_IN_PROGRESS;
  return progressCard(
    t(locale, 'outcome.checkingTitle'), customer, t(locale, inProgress ? 'outcome.inProgressText' : 'outcome.checkingText', { customer }), detail,
  );
}
