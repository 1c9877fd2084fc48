import { plainText } from '../../cards/plain-text';
import { displayText } from '../../cards/card-guard';
import { renderCard } from '../../cards/render-card';
import { t } from '../../i18n/translate';
import type { Order, Subscription } from '../../partner-center/schemas';
import { action } from '../views/actions';
import { orderRef, orderStatusLabel } from '../views/format';
import { cardDateTime } from '../../i18n/card-time';
import { isOrderSettled } from '../timing/backoff';
import { customerOrdersUrl } from '../views/partner-center-links';
import type { AdaptiveCard } from '../ports';

interface OrderStatusView {
  order: Order;
  customerId: string;
  customerName: string;
  /** GET /customers/{id}/subscriptions?order_id=: readable with app-only credentials. */
  subscriptions: Subscription[];
}

/**
 * An order as Partner Center has it now: status, and each line with its subscription once provisioned.
 * Subscriptions that sell add-ons get an "Add-on" button that opens the quick add-on flow on them.
 */
export function statusCard(locale: string, view: OrderStatusView): AdaptiveCard {
  const { order } = view;
  const orderId = order.id ?? '';
  const bySubscription = new Map(view.subscriptions.map((s) => [s.id.toLowerCase(), s]));
  const settled = isOrderSettled(order.status);
  return renderCard('status-order', {
    title: displayText(t(locale, 'status.title', { orderId: orderRef(orderId) })),
    subtitle: plainText(view.customerName),
    status: t(locale, 'status.line', { status: orderStatusLabel(locale, order.status), created: cardDateTime(order.creationDate) }),
    note: settled ? '' : t(locale, 'status.provisioningNote'),
    lines: order.lineItems.map((line) => {
      const subscription = line.subscriptionId ? bySubscription.get(line.subscriptionId.toLowerCase()) : undefined;
      const canAddOn = subscription?.hasPurchasableAddons === true && subscription.status.toLowerCase() === 'active' && !subscription.parentSubscriptionId;
      return {
        text: displayText(t(locale, 'status.orderLine', { quantity: line.quantity, offer: line.friendlyName ?? line.offerId })),
        detail: displayText(
          line.subscriptionId
            ? t(locale, 'status.subscription', { status: subscriptionStatusLabel(locale, subscription?.status) })
            : t(locale, 'status.noSubscriptionYet'),
        ),
        actions: canAddOn
          ? [action(t(locale, 'status.addOn'), 'addon.forSubscription', { customerId: view.customerId, subscriptionId: subscription.id })]
          : [],
      };
    }),
    actions: [action(t(locale, 'status.refresh'), 'status.show', { orderId })],
    detailsTitle: t(locale, 'result.details'),
    links: [{ title: t(locale, 'result.openInPartnerCenter'), url: customerOrdersUrl(view.customerId), style: 'default' }],
    details: [
      t(locale, 'result.detail.order', { orderId }),
      ...order.lineItems.flatMap((line) => (line.subscriptionId ? [t(locale, 'result.detail.subscription', { offer: line.friendlyName ?? line.offerId, id: line.subscriptionId })] : [])),
    ].map((text) => ({ text: displayText(text) })),
  });
}

/** Partner Center's subscription statuses (subscription-resources) in words; anything newer as sent. */
function subscriptionStatusLabel(locale: string, status: string | undefined): string {
  const value = status?.toLowerCase();
  switch (value) {
    case 'none':
    case 'active':
    case 'pending':
    case 'suspended':
    case 'expired':
    case 'disabled':
    case 'deleted':
      return t(locale, `status.subscriptionStatus.${value}`);
    default:
      return status ?? '—';
  }
}
