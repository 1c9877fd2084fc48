import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import type { Purchase } from '../../purchase/purchase';
import type { AdaptiveCard } from '../../ports';
import { action, refOf } from './actions';
import { money } from './format';

/**
 * The outcome of a checkout: each order with its lines and status, each failed order group with its code
 * and an explanation. Partial success (orders and orderErrors together) is shown as such.
 */
export function resultCard(purchase: Purchase): AdaptiveCard {
  const locale = purchase.locale;
  const customer = purchase.customer?.name ?? '';
  const checkout = purchase.checkout;
  const orders = checkout?.result?.orders ?? [];
  const orderErrors = checkout?.result?.orderErrors ?? [];
  const titleKey = orders.length === 0 ? 'result.failedTitle' : orderErrors.length > 0 ? 'result.partialTitle' : 'result.orderedTitle';
  const summary = orders.length === 0
    ? t(locale, 'result.summaryFailed')
    : orderErrors.length > 0 ? t(locale, 'result.summaryPartial') : t(locale, 'result.summaryOrdered', { count: orders.length });
  const errors = orderErrors.map((e) => ({
    title: t(locale, 'result.groupError', { group: e.orderGroupId ?? '?' }),
    text: displayText(t(locale, 'result.groupErrorText', { code: e.code, text: e.description ?? '' })),
  }));
  if (checkout?.failure) {
    const f = checkout.failure;
    errors.push({
      title: t(locale, f.messageKey as Parameters<typeof t>[1]),
      text: t(locale, 'common.errorDetail', { code: String(f.code ?? f.httpStatus ?? '—'), correlationId: f.correlationId ?? '—' }),
    });
  }
  const actions = [];
  if (purchase.status === 'failed') actions.push(action(t(locale, 'result.retry'), 'cart.show', refOf(purchase), 'positive'));
  actions.push(action(t(locale, 'common.newCart'), 'cart.start', {}));
  return renderCard('cart-result', {
    title: displayText(t(locale, titleKey, { customer })),
    subtitle: purchase.customer?.domain ?? '',
    summary,
    orders: orders.map((order) => ({
      title: t(locale, 'result.order', { orderId: order.id ?? '' }),
      status: t(locale, 'result.orderStatus', {
        status: order.status ?? '',
        total: order.totalPrice === undefined || order.totalPrice === null ? '—' : money(locale, order.totalPrice, order.currencyCode ?? 'USD'),
      }),
      lines: order.lineItems.map((line) => ({
        text: displayText(t(locale, 'result.orderLine', {
          quantity: line.quantity,
          offer: line.friendlyName ?? line.offerId,
          subscription: line.subscriptionId ? t(locale, 'result.subscription', { id: line.subscriptionId }) : t(locale, 'result.provisioning'),
        })),
      })),
    })),
    errors,
    footer: displayText(t(locale, 'result.by', { name: checkout?.startedBy.name ?? purchase.owner.name, cartId: purchase.cart?.id ?? '' })),
    actions,
  });
}
