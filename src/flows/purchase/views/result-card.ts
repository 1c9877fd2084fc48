import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { cardDateTime } from '../../../i18n/card-time';
import { cartCommitmentTexts, linePriceText, type PricedLine } from '../../../i18n/prices';
import { t } from '../../../i18n/translate';
import { explainFailure } from '../../../partner-center';
import type { Order } from '../../../partner-center/schemas';
import { isOrderSettled } from '../../timing/backoff';
import { partnerCenterCart, type Purchase } from '../purchase';
import type { AdaptiveCard } from '../../ports';
import { refOf } from '../../views/actions';
import type { CardAction } from '../../card-verb';
import { customerAccountUrl, customerOrdersUrl } from '../../views/partner-center-links';
import { failureDetail } from './failure-detail';
import { orderRef, orderStatusLabel } from '../../views/format';
import { placedOrders } from '../placed-orders';
import { linePrices, pricedLines } from '../priced-lines';
import { sharedVerbs } from '../shared-verbs';
import type { UndoOffer } from '../undo/undo-offer';
import { withOwnerRefresh } from '../undo/owner-refresh';
import { resultKindOf } from './result-kinds';

/**
 * Refusals no retry can fix, with what has to happen first: 13605, the customer has not accepted the
 * Microsoft Customer Agreement; 900124, the partner has not accepted the Microsoft Partner Agreement.
 */
const AGREEMENT_MISSING = { '13605': 'result.next.13605', '900124': 'result.next.900124' } as const;
type AgreementCode = keyof typeof AGREEMENT_MISSING;
const isAgreementCode = (code: string): code is AgreementCode => code in AGREEMENT_MISSING;

interface Link { title: string; url: string; style: 'default' }

/**
 * The outcome of a checkout: each order with its lines, their prices with their periods and status,
 * each failed order group with an explanation. Partial success (orders and orderErrors together) is
 * shown as such. An add-on says what was added to which subscription. Ids support needs (orders,
 * subscriptions, cart, codes, correlation and request ids) sit under "Details". `latest` are orders
 * re-read since (provisioning watch): they replace the stored ones with the same id (`placedOrders`). While `undo` is
 * open, the card says until when and carries Undo, and asks the rep's own Teams client to fetch it again
 * (`refresh` with the rep in `userIds`), so the button goes once the window has closed.
 */
export function resultCard(purchase: Purchase, latest: Order[] = [], undo: UndoOffer = { kind: 'none' }): AdaptiveCard {
  const locale = purchase.locale;
  const customer = purchase.customer?.name ?? '';
  const checkout = purchase.checkout;
  const orders = placedOrders(purchase, latest);
  const orderErrors = checkout?.result?.orderErrors ?? [];
  const titleKey = orders.length === 0 ? 'result.failedTitle' : orderErrors.length > 0 ? 'result.partialTitle' : 'result.orderedTitle';
  const ids = { correlationId: purchase.correlationId, requestId: checkout?.checkoutRequestId };
  const failureCode = String(checkout?.failure?.code ?? '');
  const errors = orderErrors.map((e) => ({
    title: t(locale, 'result.groupError', { group: e.orderGroupId ?? '?' }),
    text: displayText(explainFailure(locale, { code: e.code, description: e.description ?? '', messageKey: 'pc.unknown' })),
  }));
  const failureDetails = orderErrors.map((e) => failureDetail(locale, { code: e.code, description: e.description ?? '', messageKey: 'pc.unknown' }, ids));
  if (checkout?.failure) {
    errors.push({
      title: explainFailure(locale, checkout.failure),
      text: displayText(isAgreementCode(failureCode) ? t(locale, AGREEMENT_MISSING[failureCode], { customer }) : ''),
    });
    failureDetails.push(failureDetail(locale, checkout.failure, ids));
  }
  const startedBy = checkout?.startedBy.name ?? purchase.owner.name;
  // "Ordered by" only where something was ordered.
  const footer = t(locale, orders.length > 0 ? 'result.by' : 'result.startedBy', { name: startedBy, time: cardDateTime(checkout?.startedAt ?? purchase.createdAt) });
  const kind = resultKindOf(purchase);
  const undoOpen = purchase.status === 'ordered' && undo.kind === 'open' ? undo : undefined;
  const card = renderCard('cart-result', {
    title: displayText(t(locale, titleKey, { customer })),
    subtitle: purchase.customer?.domain ?? '',
    summary: displayText(summaryOf(purchase, orders, orderErrors.length)),
    prices: orders.length > 0 && orderErrors.length === 0 && kind.showsOrders ? cartCommitmentTexts(locale, linePrices(purchase)).map((text) => ({ text })) : [],
    orders: kind.showsOrders ? orders.map((order) => orderView(purchase, order)) : [],
    errors,
    footer: displayText(footer),
    undo: undoOpen ? t(locale, 'result.undoUntil', { date: cardDateTime(undoOpen.until.toISOString()) }) : '',
    actions: [...(undoOpen ? [sharedVerbs.purchaseUndo.action(t(locale, 'result.undo'), refOf(purchase))] : []), ...actionsOf(purchase, orders, failureCode)],
    detailsTitle: t(locale, 'result.details'),
    links: linksOf(purchase, orders, failureCode),
    details: [...detailsOf(purchase, orders), ...failureDetails].map((text) => ({ text: displayText(text) })),
  });
  return undoOpen ? withOwnerRefresh('cart-result', card, purchase.owner, sharedVerbs.cartShow.action('', refOf(purchase))) : card;
}

function summaryOf(purchase: Purchase, orders: Order[], failedGroups: number): string {
  const locale = purchase.locale;
  if (orders.length === 0) return t(locale, 'result.summaryFailed');
  if (failedGroups > 0) return t(locale, 'result.summaryPartial');
  const own = resultKindOf(purchase).summary();
  if (own) return own;
  return orders.every((order) => isOrderSettled(order.status))
    ? t(locale, 'orderResult.provisioned', { count: orders.length })
    : t(locale, 'result.summaryOrdered', { count: orders.length });
}

function orderView(purchase: Purchase, order: Order) {
  const locale = purchase.locale;
  const prices = pricedLines(purchase);
  // One offer can be in a cart twice (a month billed monthly, a year billed yearly): the term and the order's billing cycle tell them apart.
  const priceOf = (item: Order['lineItems'][number]): PricedLine | undefined => {
    const sameOffer = prices.filter(({ line }) => line.catalogItemId.toLowerCase() === item.offerId.toLowerCase());
    const sameTerm = sameOffer.filter(({ price }) => price?.termDuration === item.termDuration);
    return (sameTerm.find(({ price }) => price?.billingCycle === order.billingCycle) ?? sameTerm[0] ?? sameOffer[0])?.price;
  };
  return {
    title: t(locale, 'result.order', { orderId: orderRef(order.id ?? '') }),
    status: t(locale, 'result.orderStatus', { status: orderStatusLabel(locale, order.status) }),
    lines: order.lineItems.map((line) => {
      const price = priceOf(line);
      return {
        text: displayText(t(locale, 'result.orderLine', {
          quantity: line.quantity,
          offer: line.friendlyName ?? line.offerId,
          subscription: line.subscriptionId ? t(locale, 'result.subscription') : t(locale, 'result.provisioning'),
        })),
        price: price ? linePriceText(locale, { ...price, quantity: line.quantity }) : '',
      };
    }),
  };
}

/** What support looks up: every order and subscription id, the Partner Center cart, the purchase. */
function detailsOf(purchase: Purchase, orders: Order[]): string[] {
  const locale = purchase.locale;
  const details = orders.flatMap((order) => [
    t(locale, 'result.detail.order', { orderId: order.id ?? '' }),
    ...order.lineItems.flatMap((line) => (line.subscriptionId ? [t(locale, 'result.detail.subscription', { offer: line.friendlyName ?? line.offerId, id: line.subscriptionId })] : [])),
  ]);
  const cartId = partnerCenterCart(purchase)?.id;
  if (cartId) details.push(t(locale, 'result.detail.cart', { cartId }));
  details.push(t(locale, 'result.detail.purchase', { id: purchase.id, correlationId: purchase.correlationId }));
  return details;
}

function actionsOf(purchase: Purchase, orders: Order[], failureCode: string): CardAction[] {
  const locale = purchase.locale;
  const actions = orders.slice(0, 2).flatMap((order) => (order.id ? [sharedVerbs.statusShow.action(t(locale, 'status.button'), { orderId: order.id })] : []));
  const kind = resultKindOf(purchase);
  if (purchase.status === 'failed' && !isAgreementCode(failureCode)) actions.push(kind.retry());
  return [...actions, ...kind.actions()];
}

/** The orders in Partner Center's portal; for a customer who has not accepted the agreement, their account page. */
function linksOf(purchase: Purchase, orders: Order[], failureCode: string): Link[] {
  const customerId = purchase.customer?.id;
  if (!customerId) return [];
  if (failureCode === '13605') return [{ title: t(purchase.locale, 'result.customerAccount'), url: customerAccountUrl(customerId), style: 'default' }];
  return orders.length > 0 ? [{ title: t(purchase.locale, 'result.openInPartnerCenter'), url: customerOrdersUrl(customerId), style: 'default' }] : [];
}
