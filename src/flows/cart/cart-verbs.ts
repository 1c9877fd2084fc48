import { defineVerb } from '../card-verb';
import { purchaseRefSchema, searchPayload } from '../purchase/payloads';
import { customerStepPayload } from '../customer/customer-payloads';
import { linePayload, pickPayload, saveLinePayload } from './payloads';

/** The verbs only the cart's own cards emit (the ones other cards lead to are in purchase/shared-verbs.ts). */
export const cartVerbs = {
  searchCustomer: defineVerb('cart.searchCustomer', searchPayload, { inputs: ['query'] }),
  /** One customer row of the customer step: the id travels in the row's data. */
  pickCustomer: defineVerb('cart.pickCustomer', customerStepPayload),
  addLine: defineVerb('cart.addLine', purchaseRefSchema),
  searchProduct: defineVerb('cart.searchProduct', searchPayload, { inputs: ['query'] }),
  /** One product row of the product step: the product id travels in the row's data as `choice`. */
  pickProduct: defineVerb('cart.pickProduct', pickPayload),
  /** The line card's inputs (offer, quantity, provisioning fields…) come as the schema's catchall. */
  saveLine: defineVerb('cart.saveLine', saveLinePayload),
  /**
   * The line travels in the button's data on a cart of up to 10 lines (a button per line), and as the
   * line choice's input `lineId` on a larger one: so it is carried, optionally, rather than an input.
   */
  editLine: defineVerb('cart.editLine', linePayload),
  removeLine: defineVerb('cart.removeLine', linePayload),
  undoRemove: defineVerb('cart.undoRemove', purchaseRefSchema),
  showRequest: defineVerb('cart.showRequest', purchaseRefSchema),
};
