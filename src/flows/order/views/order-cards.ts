import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import { refOf } from '../../views/actions';
import { billingLabel } from '../../views/format';
import type { OrderPurchase } from '../../purchase/purchase';
import type { AdaptiveCard } from '../../ports';
import { buildOrderRequest } from '../order-request';
import { ORDER_BILLING_CYCLES } from '../../purchase/order-state';
import { sharedVerbs } from '../../purchase/shared-verbs';
import { orderVerbs } from '../order-verbs';
import { parseQuantity } from '../../quantity';

interface OrderDraftForm {
  offerId?: string;
  quantity?: string;
  termDuration?: string;
  friendlyName?: string;
  promotionId?: string;
  transactionReseller?: string;
  additionalResellers?: string;
  error?: string;
}

const lineTexts = (purchase: OrderPurchase) =>
  purchase.lines.map((line, index) => ({ text: displayText(`${index + 1}. ${line.quantity} × ${plainText(line.productTitle)} (${line.catalogItemId})`) }));

/** The order being built: its lines, the billing cycle of the whole order, and a line to add. */
export function orderDraftCard(purchase: OrderPurchase, form: OrderDraftForm = {}): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const actions = purchase.lines.length > 0 ? [orderVerbs.review.action(t(locale, 'order.review'), ref, 'positive')] : [];
  actions.push(sharedVerbs.cartCancel.action(t(locale, 'common.cancel'), ref, 'destructive'));
  return renderCard('order-draft', {
    title: displayText(t(locale, 'order.draftTitle', { customer: purchase.customer?.name ?? '' })),
    subtitle: displayText(purchase.customer?.domain ?? purchase.customer?.id ?? ''),
    error: displayText(form.error ?? ''),
    lines: lineTexts(purchase),
    emptyText: t(locale, 'order.empty'),
    billingLabel: t(locale, 'order.billingLabel'),
    billingCycle: purchase.order?.billingCycle ?? 'monthly',
    billingChoices: ORDER_BILLING_CYCLES.map((cycle) => ({ title: billingLabel(locale, cycle), value: cycle })),
    offerLabel: t(locale, 'order.offerLabel'),
    offerPlaceholder: t(locale, 'order.offerPlaceholder'),
    offerId: displayText(form.offerId ?? ''),
    quantityLabel: t(locale, 'order.quantityLabel'),
    termLabel: t(locale, 'order.termLabel'),
    termPlaceholder: t(locale, 'order.termPlaceholder'),
    termDuration: displayText(form.termDuration ?? ''),
    friendlyNameLabel: t(locale, 'order.friendlyNameLabel'),
    friendlyName: displayText(form.friendlyName ?? ''),
    promotionLabel: t(locale, 'line.promotionId'),
    promotionId: displayText(form.promotionId ?? ''),
    resellerLabel: t(locale, 'line.transactionReseller'),
    resellerPlaceholder: t(locale, 'line.partnerIdPlaceholder'),
    transactionReseller: displayText(form.transactionReseller ?? ''),
    additionalLabel: t(locale, 'line.additionalResellers'),
    additionalPlaceholder: t(locale, 'line.additionalPlaceholder'),
    additionalResellers: displayText(form.additionalResellers ?? ''),
    // Input.Number takes a number: what the rep typed is kept only when it is one.
    quantity: parseQuantity(form.quantity) ?? 1,
    addAction: orderVerbs.addLine.action(t(locale, 'order.addLine'), ref),
    actions,
  });
}

/**
 * The order as it will be sent. The orders API has no price preview (only carts price), so instead of
 * totals the card shows the exact request, like PowerShell's -WhatIf.
 */
export function orderReviewCard(purchase: OrderPurchase): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  return renderCard('order-review', {
    title: displayText(t(locale, 'order.reviewTitle', { customer: purchase.customer?.name ?? '' })),
    subtitle: t(locale, 'order.billedAs', { billing: billingLabel(locale, purchase.order?.billingCycle ?? 'monthly') }),
    lines: lineTexts(purchase),
    note: t(locale, 'order.noPricePreview'),
    request: `POST /v1/customers/${purchase.customer?.id ?? ''}/orders`,
    body: displayText(JSON.stringify(buildOrderRequest(purchase, { partnerOfRecord: true, lines: false }))),
    actions: [
      sharedVerbs.cartConfirm.action(t(locale, 'review.confirm'), ref, 'positive'),
      sharedVerbs.orderEdit.action(t(locale, 'order.edit'), ref),
      sharedVerbs.cartCancel.action(t(locale, 'common.cancel'), ref, 'destructive'),
    ],
  });
}
