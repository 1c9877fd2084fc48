import { linePriceText } from '../../../i18n/prices';
import { t } from '../../../i18n/translate';
import type { CardAction } from '../../card-verb';
import { refOf } from '../../views/actions';
import { pricedLines } from '../priced-lines';
import type { AddOnPurchase, CartPurchase, OrderPurchase, Purchase, SeatsPurchase } from '../purchase';
import { sharedVerbs } from '../shared-verbs';

/** 800008: the Partner Center cart is gone (expired or deleted); trying it again can only fail again. */
const CART_GONE = '800008';

/** An order line or a subscription: both name their offer. */
interface Offered {
  offerId: string;
}

/** What a kind of purchase shows on its result card, besides what every kind shows. */
interface ResultKind<P extends Purchase> {
  /**
   * Whether its orders (with their totals and dates) are its own: a legacy add-on PATCHes its base
   * subscription's order, whose total and date are not the add-on's.
   */
  showsOrders: boolean;
  /** Its own summary of a fully placed purchase; undefined for the orders' count. */
  summary(purchase: P): string | undefined;
  /** Which subscriptions of its orders it bought (by offer): the ones Undo cancels. */
  ownsLine(purchase: P, line: Offered): boolean;
  /** "Try again" after a refusal: back to the step before the order was sent, in the flow that built it. */
  retry(purchase: P): CardAction;
  /** Its own ways on from the result (besides status and Undo). */
  actions(purchase: P): CardAction[];
}

const retryWith = (verb: typeof sharedVerbs.cartShow) => (purchase: Purchase): CardAction =>
  verb.action(t(purchase.locale, 'result.retry'), refOf(purchase), 'positive');

const cartResult: ResultKind<CartPurchase> = {
  showsOrders: true,
  summary: () => undefined,
  ownsLine: () => true,
  // Where Partner Center no longer has the cart (800008), only a new cart with the same lines can succeed.
  retry: (purchase) => (String(purchase.checkout?.failure?.code ?? '') === CART_GONE
    ? sharedVerbs.cartRestartWithLines.action(t(purchase.locale, 'result.restartWithLines'), refOf(purchase), 'positive')
    : retryWith(sharedVerbs.cartShow)(purchase)),
  actions: (purchase) => [purchase.status === 'ordered'
    ? sharedVerbs.cartBuyAgain.action(t(purchase.locale, 'result.buyAgain'), refOf(purchase))
    : sharedVerbs.cartStart.action(t(purchase.locale, 'common.newCart'), {})],
};

const addOnResult: ResultKind<AddOnPurchase> = {
  showsOrders: false,
  summary: addOnSummary,
  // A legacy add-on's order is its base subscription's: only the add-on's own line is this purchase's.
  ownsLine: (purchase, line) => line.offerId.toLowerCase() === purchase.addOn.choice?.id.toLowerCase(),
  retry: retryWith(sharedVerbs.addonBack),
  actions: () => [],
};

const orderResult: ResultKind<OrderPurchase> = {
  showsOrders: true,
  summary: () => undefined,
  ownsLine: () => true,
  retry: retryWith(sharedVerbs.orderEdit),
  actions: () => [],
};

const seatsResult: ResultKind<SeatsPurchase> = {
  showsOrders: true,
  summary: () => undefined,
  ownsLine: () => false,
  retry: retryWith(sharedVerbs.seatsBack),
  actions: () => [],
};

/** "Added 2 × MyAnalytics to Office 365 E3 — $4.00 per licence per month · …", or without the price when Partner Center quoted none. */
function addOnSummary(purchase: AddOnPurchase): string {
  const locale = purchase.locale;
  const [first] = pricedLines(purchase);
  const words = { quantity: first?.line.quantity ?? 0, addOn: purchase.addOn.choice?.name ?? first?.line.productTitle ?? '', base: purchase.addOn.base?.name ?? '' };
  return first?.price
    ? t(locale, 'result.addOnAddedPrice', { ...words, price: linePriceText(locale, first.price) })
    : t(locale, 'result.addOnAdded', words);
}

/** A kind's result behaviour with its purchase already given. */
interface BoundResultKind {
  showsOrders: boolean;
  summary(): string | undefined;
  ownsLine(line: Offered): boolean;
  retry(): CardAction;
  actions(): CardAction[];
}

function bind<P extends Purchase>(kind: ResultKind<P>, purchase: P): BoundResultKind {
  return {
    showsOrders: kind.showsOrders,
    summary: () => kind.summary(purchase),
    ownsLine: (line) => kind.ownsLine(purchase, line),
    retry: () => kind.retry(purchase),
    actions: () => kind.actions(purchase),
  };
}

/** The one place the result card dispatches on a purchase's kind. */
export function resultKindOf(purchase: Purchase): BoundResultKind {
  switch (purchase.kind) {
    case 'cart': return bind(cartResult, purchase);
    case 'addon': return bind(addOnResult, purchase);
    case 'order': return bind(orderResult, purchase);
    case 'seats': return bind(seatsResult, purchase);
  }
}
