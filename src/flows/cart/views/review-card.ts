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

/** The priced cart as Partner Center returned it: prices, totals, line errors, expiry. Nothing bought yet. */
export function reviewCard(purchase: CartPurchase): AdaptiveCard {
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
  if (!hasErrors) actions.push(sharedVerbs.cartConfirm.action(t(locale, 'review.confirm'), ref, 'positive'));
  actions.push(sharedVerbs.cartEdit.action(t(locale, 'review.edit'), ref));
  actions.push(cartVerbs.showRequest.action(t(locale, 'review.showRequest'), ref));
  actions.push(sharedVerbs.cartCancel.action(t(locale, 'common.cancel'), ref, 'destructive'));
  return renderCard('cart-review', {
    title: displayText(t(locale, 'review.title', { customer: purchase.customer?.name ?? '' })),
    subtitle: purchase.customer?.domain ?? '',
    cartInfo: t(locale, 'review.cartInfo', { cartId: cart?.id ?? '', expires: dateTime(locale, cart?.expirationTimestamp) }),
    error: hasErrors ? t(locale, 'review.hasErrors') : '',
    lines,
    totals: cartTotals(purchase).map((total) => ({
      label: t(locale, 'review.total', { currency: total.currency }),
      value: money(locale, total.amount, total.currency),
    })),
    note: t(locale, 'review.note'),
    actions,
  });
}
