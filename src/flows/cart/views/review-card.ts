import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import { lineErrorText } from '../../../partner-center';
import type { CartPurchase } from '../../purchase/purchase';
import type { AdaptiveCard } from '../../ports';
import { cartLineErrors, cartTotals } from '../../purchase/priced-cart';
import { refOf } from '../../views/actions';
import { billingLabel, dateTime, money, productAndSku, termLabel } from '../../views/format';
import { sharedVerbs } from '../../purchase/shared-verbs';
import { cartVerbs } from '../cart-verbs';
import { attestationView, type ConfirmErrors } from '../../purchase/views/confirm-card';

/**
 * The priced cart as Partner Center returned it (prices, totals, line errors, expiry) and the confirmation:
 * the attestation(s) to tick and "Place order", with what a refused click lacked. Nothing bought yet. The
 * cart id and "Show request" (the raw REST requests, a tool for support and admins) sit under "Details".
 */
export function reviewCard(purchase: CartPurchase, errors: ConfirmErrors = {}): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const cart = purchase.cart;
  const items = cart?.lineItems ?? [];
  const lines = purchase.lines.map((line, index) => {
    const item = items.find((i) => i.id === index) ?? items[index];
    const currency = item?.currencyCode ?? 'USD';
    const unit = item?.pricing?.price ?? item?.pricing?.listPrice;
    const extended = item?.pricing?.extendedPrice;
    const error = item?.error;
    return {
      title: plainText(productAndSku(line.productTitle, line.skuTitle)),
      detail: t(locale, 'review.lineDetail', { quantity: line.quantity, term: termLabel(locale, line.termDuration) || billingLabel(locale, line.billingCycle) }),
      price: unit === undefined || unit === null
        ? t(locale, 'review.noPrice')
        : t(locale, 'review.linePrice', { unit: money(locale, unit, currency), extended: money(locale, extended ?? unit * line.quantity, currency) }),
      error: error ? t(locale, 'review.lineError', { code: error.errorCode, text: lineErrorText(locale, error) }) : '',
    };
  });
  const hasErrors = cartLineErrors(purchase).length > 0;
  const actions = [];
  if (!hasErrors) actions.push(sharedVerbs.cartPlaceOrder.action(t(locale, 'confirm.placeOrder'), ref, 'positive'));
  actions.push(sharedVerbs.cartEdit.action(t(locale, 'review.edit'), ref));
  actions.push(sharedVerbs.cartCancel.action(t(locale, 'common.cancel'), ref, 'destructive'));
  return renderCard('cart-review', {
    title: displayText(t(locale, 'review.title', { customer: purchase.customer?.name ?? '' })),
    subtitle: purchase.customer?.domain ?? '',
    expires: t(locale, 'review.expires', { expires: dateTime(locale, cart?.expirationTimestamp) }),
    error: hasErrors ? t(locale, 'review.hasErrors') : (errors.general ?? ''),
    lines,
    totals: cartTotals(purchase).map((total) => ({
      label: t(locale, 'review.total', { currency: total.currency }),
      value: money(locale, total.amount, total.currency),
    })),
    note: t(locale, 'review.note'),
    canOrder: !hasErrors,
    ...attestationView(purchase, errors),
    actions,
    detailsTitle: t(locale, 'result.details'),
    details: [{ text: t(locale, 'review.cartId', { cartId: cart?.id ?? '' }) }],
    adminActions: [cartVerbs.showRequest.action(t(locale, 'review.showRequest'), ref)],
  });
}
