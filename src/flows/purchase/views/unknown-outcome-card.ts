import { t } from '../../../i18n/translate';
import { partnerCenterCart, type Purchase } from '../purchase';
import type { AdaptiveCard } from '../../ports';
import { failureDetail } from './failure-detail';
import { noticeCard } from '../../views/notice-card';
import { progressCard } from './progress-card';
import { customerOrdersUrl } from '../../views/partner-center-links';

/** 800060 "Your order is in progress": Partner Center has the order and is still working on it. */
const ORDER_IN_PROGRESS = '800060';

/**
 * A purchase whose order placement got no definite answer. While the resolver is asking: "checking with
 * Partner Center", never "nothing was bought". Once it has given up: look the order up in Partner Center
 * before anyone orders again.
 */
export function unknownOutcomeCard(purchase: Purchase): AdaptiveCard {
  const locale = purchase.locale;
  const customer = purchase.customer?.name ?? '';
  const checkout = purchase.checkout;
  const lastFailure = checkout?.unknown?.lastFailure;
  const requestId = checkout?.checkoutRequestId ?? '—';
  const detail = lastFailure ? failureDetail(locale, lastFailure, { correlationId: purchase.correlationId, requestId }) : '';
  if (purchase.status === 'unconfirmed') return unconfirmedCard(purchase, detail);
  const inProgress = String(lastFailure?.code ?? '') === ORDER_IN_PROGRESS;
  return progressCard(
    t(locale, 'outcome.checkingTitle'), customer, t(locale, inProgress ? 'outcome.inProgressText' : 'outcome.checkingText', { customer }), detail,
  );
}

/**
 * Given up asking: plain words in the body, and under "Details" the customer, cart and purchase ids
 * and the last answer's code, correlation and request ids, which support and the Partner Center portal
 * look the order up by; "Open in Partner Center" opens the customer's orders there.
 */
function unconfirmedCard(purchase: Purchase, failure: string): AdaptiveCard {
  const locale = purchase.locale;
  const customer = purchase.customer;
  const cartId = partnerCenterCart(purchase)?.id;
  const lines = [
    customer ? t(locale, 'outcome.detail.customer', { customerId: customer.id }) : '',
    cartId ? t(locale, 'result.detail.cart', { cartId }) : '',
    t(locale, 'result.detail.purchase', { id: purchase.id, correlationId: purchase.correlationId }),
    failure,
  ].filter(Boolean);
  const links = customer ? [{ title: t(locale, 'result.openInPartnerCenter'), url: customerOrdersUrl(customer.id) }] : [];
  const name = customer?.name ?? '';
  return noticeCard(t(locale, 'outcome.unconfirmedTitle', { customer: name }), t(locale, 'outcome.unconfirmedText', { customer: name }), '', [], {
    title: t(locale, 'result.details'), lines, links,
  });
}
