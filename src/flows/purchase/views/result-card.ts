import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import { explainFailure } from '../../../partner-center';
import type { Order } from '../../../partner-center/schemas';
import { isOrderSettled } from '../../timing/backoff';
import { partnerCenterCart, type Purchase } from '../purchase';
import type { AdaptiveCard } from '../../ports';
import { action, refOf, type CardAction } from '../../views/actions';
import { failureDetail } from './failure-detail';
import { money, orderStatusLabel } from '../../views/format';

/** Where "Try again" leads: back to the step before the order was sent, in the flow that built it. */
const RETRY_VERB: Record<Purchase['kind'], string> = { cart: 'cart.show', addon: 'addon.back', order: 'order.edit' };

/** 800008: the Partner Center cart is gone (expired or deleted); trying it again can only fail again. */
const CART_GONE = '800008';

/**
 * The outcome of a checkout: each order with its lines and status, each failed order group with its code
 * and an explanation. Partial success (orders and orderErrors together) is shown as such. Whatever path
 * bought it (cart checkout, order, add-on), the stored outcome has this one shape. `latest` are orders
 * re-read since (provisioning watch): they replace the stored ones with the same id.
 */
export function resultCard(purchase: Purchase, latest: Order[] = []): AdaptiveCard {
  const locale = purchase.locale;
  const customer = purchase.customer?.name ?? '';
  const checkout = purchase.checkout;
  const fresh = new Map(latest.flatMap((order) => (order.id ? [[order.id.toLowerCase(), order] as const] : [])));
  const orders = (checkout?.result?.orders ?? []).map((order) => fresh.get(order.id?.toLowerCase() ?? '') ?? order);
  const orderErrors = checkout?.result?.orderErrors ?? [];
  const titleKey = orders.length === 0 ? 'result.failedTitle' : orderErrors.length > 0 ? 'result.partialTitle' : 'result.orderedTitle';
  const provisioned = orders.length > 0 && orders.every((order) => isOrderSettled(order.status));
  const summary = orders.length === 0
    ? t(locale, 'result.summaryFailed')
    : orderErrors.length > 0
      ? t(locale, 'result.summaryPartial')
      : provisioned ? t(locale, 'orderResult.provisioned', { count: orders.length }) : t(locale, 'result.summaryOrdered', { count: orders.length });
  const ids = { correlationId: purchase.correlationId, requestId: checkout?.checkoutRequestId };
  const errors = orderErrors.map((e) => ({
    title: t(locale, 'result.groupError', { group: e.orderGroupId ?? '?' }),
    text: displayText(t(locale, 'result.groupErrorText', { code: e.code, text: e.description ?? '' })),
    detail: displayText(failureDetail(locale, { code: e.code, description: e.description ?? '', messageKey: 'pc.unknown' }, ids)),
  }));
  if (checkout?.failure) {
    const f = checkout.failure;
    errors.push({
      title: explainFailure(locale, f),
      text: displayText(failureDetail(locale, f, ids)),
      detail: '',
    });
  }
  const actions = orders.slice(0, 2).flatMap((order) => (order.id ? [action(t(locale, 'status.button'), 'status.show', { orderId: order.id })] : []));
  if (purchase.status === 'failed') actions.push(nextStep(purchase));
  if (purchase.kind === 'cart') actions.push(action(t(locale, 'common.newCart'), 'cart.start', {}));
  const startedBy = checkout?.startedBy.name ?? purchase.owner.name;
  // "Ordered by" only where something was ordered.
  const cartId = partnerCenterCart(purchase)?.id;
  const footer = cartId
    ? t(locale, orders.length > 0 ? 'result.by' : 'result.startedBy', { name: startedBy, cartId })
    : t(locale, orders.length > 0 ? 'orderResult.by' : 'orderResult.startedBy', { name: startedBy });
  return renderCard('cart-result', {
    title: displayText(t(locale, titleKey, { customer })),
    subtitle: purchase.customer?.domain ?? '',
    summary,
    orders: orders.map((order) => ({
      title: t(locale, 'result.order', { orderId: order.id ?? '' }),
      status: t(locale, 'result.orderStatus', {
        status: orderStatusLabel(locale, order.status),
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
    footer: displayText(footer),
    actions,
  });
}

/**
 * The way on from a refused checkout: the same cart again, except when Partner Center no longer has the
 * cart (800008), where only a new cart with the same lines can succeed.
 */
function nextStep(purchase: Purchase): CardAction {
  const locale = purchase.locale;
  if (purchase.kind === 'cart' && String(purchase.checkout?.failure?.code ?? '') === CART_GONE) {
    return action(t(locale, 'result.restartWithLines'), 'cart.restartWithLines', refOf(purchase), 'positive');
  }
  return action(t(locale, 'result.retry'), RETRY_VERB[purchase.kind], refOf(purchase), 'positive');
}
