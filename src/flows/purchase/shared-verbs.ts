import { z } from 'zod';
import { defineVerb } from '../card-verb';
import { addOnForSubscriptionPayload, orderStatusPayload, placeOrderPayload, purchaseRefSchema } from './payloads';

/**
 * The verbs whose buttons appear on the cards of more than one folder (the engine's confirmation and
 * result cards, approval and status cards, a feature's own cards). They are declared here, where every
 * folder may import them; the engine routes its own (confirm, place order, cancel) and each feature routes
 * the others (the composition refuses to start while one is unrouted). The names keep their `cart.`
 * prefix: cards already posted in Teams still send them.
 */
export const sharedVerbs = {
  /** A purchase's current card, whatever its kind. */
  cartShow: defineVerb('cart.show', purchaseRefSchema),
  cartStart: defineVerb('cart.start', z.object({})),
  cartEdit: defineVerb('cart.edit', purchaseRefSchema),
  cartReview: defineVerb('cart.review', purchaseRefSchema),
  cartRestartWithLines: defineVerb('cart.restartWithLines', purchaseRefSchema),
  cartBuyAgain: defineVerb('cart.buyAgain', purchaseRefSchema),
  cartConfirm: defineVerb('cart.confirm', purchaseRefSchema),
  cartPlaceOrder: defineVerb('cart.placeOrder', placeOrderPayload, { inputs: ['attestPartnerOfRecord', 'attestLines'] }),
  cartCancel: defineVerb('cart.cancel', purchaseRefSchema),
  addonBack: defineVerb('addon.back', purchaseRefSchema),
  addonForSubscription: defineVerb('addon.forSubscription', addOnForSubscriptionPayload),
  orderEdit: defineVerb('order.edit', purchaseRefSchema),
  seatsBack: defineVerb('seats.back', purchaseRefSchema),
  statusShow: defineVerb('status.show', orderStatusPayload),
  /** Undo on a placed purchase's result: asks once more; the seats feature (changes of subscriptions) routes both. */
  purchaseUndo: defineVerb('purchase.undo', purchaseRefSchema),
  purchaseUndoConfirm: defineVerb('purchase.undoConfirm', purchaseRefSchema),
};
