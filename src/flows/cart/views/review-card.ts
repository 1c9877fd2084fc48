import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import { lineErrorText } from '../../../partner-center';
import type { CartPurchase } from '../../purchase/purchase';
import type { AdaptiveCard } from '../../ports';
import { cartLineErrors } from '../../purchase/priced-cart';
import { linePrices, pricedLines } from '../../purchase/priced-lines';
import { cartCommitmentTexts, linePriceText } from '../../../i18n/prices';
import { refOf } from '../../views/actions';
import { billingLabel, productAndSku, termLabel } from '../../views/format';
import { cardDateTime } from '../../../i18n/card-time';
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
  const priced = pricedLines(purchase);
  const lines = priced.map(({ line, price }, index) => {
    const error = (items.find((i) => i.id === index) ?? items[index])?.error;
    return {
      title: plainText(productAndSku(line.productTitle, line.skuTitle)),
      detail: t(locale, 'review.lineDetail', { quantity: line.quantity, term: termLabel(locale, line.termDuration) || billingLabel(locale, line.billingCycle) }),
      price: price ? linePriceText(locale, price) : t(locale, 'review.noPrice'),
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
    expires: t(locale, 'review.expires', { expires: cardDateTime(cart?.expirationTimestamp) }),
    error: hasErrors ? t(locale, 'review.hasErrors') : (errors.general ?? ''),
    lines,
    // What falls due each billing period and the whole commitment: a monthly and a yearly line are never
    // added into one "total".
    totals: cartCommitmentTexts(locale, linePrices(purchase)).map((text) => ({ text })),
    note: t(locale, 'review.note'),
    canOrder: !hasErrors,
    ...attestationView(purchase, errors),
    actions,
    detailsTitle: t(locale, 'result.details'),
    details: [{ text: t(locale, 'review.cartId', { cartId: cart?.id ?? '' }) }],
    adminActions: [cartVerbs.showRequest.action(t(locale, 'review.showRequest'), ref)],
  });
}
