import type { VerbRoute } from '../card-verb';
import { sharedVerbs } from '../purchase/shared-verbs';
import { cartVerbs } from './cart-verbs';
import type { CustomerStepDeps } from '../customer/customer-deps';
import {
  addLine, editCart, editLine, pickCustomer, pickProduct, removeLine, saveLine, searchCustomer, searchProduct, showCurrent, undoRemove,
} from './edit-handlers';
import { restartWithLines, startCart } from './lifecycle-handlers';
import { buyAgain } from './buy-again';
import { reviewCart, showRequest } from './pricing-handlers';

/** Every card verb of the cart conversation, with its payload schema. */
export function cartRoutes(deps: CustomerStepDeps): VerbRoute[] {
  return [
    sharedVerbs.cartStart.route((turn) => startCart(deps, turn, '')),
    cartVerbs.searchCustomer.route((turn, p) => searchCustomer(deps, turn, p)),
    cartVerbs.pickCustomer.route((turn, p) => pickCustomer(deps, turn, p)),
    cartVerbs.addLine.route((turn, p) => addLine(deps, turn, p)),
    cartVerbs.searchProduct.route((turn, p) => searchProduct(deps, turn, p)),
    cartVerbs.pickProduct.route((turn, p) => pickProduct(deps, turn, p)),
    cartVerbs.saveLine.route((turn, p) => saveLine(deps, turn, p)),
    cartVerbs.editLine.route((turn, p) => editLine(deps, turn, p)),
    cartVerbs.removeLine.route((turn, p) => removeLine(deps, turn, p)),
    cartVerbs.undoRemove.route((turn, p) => undoRemove(deps, turn, p)),
    sharedVerbs.cartShow.route((turn, p) => showCurrent(deps, turn, p)),
    sharedVerbs.cartEdit.route((turn, p) => editCart(deps, turn, p)),
    sharedVerbs.cartReview.route((turn, p) => reviewCart(deps, turn, p)),
    cartVerbs.showRequest.route((turn, p) => showRequest(deps, turn, p)),
    sharedVerbs.cartRestartWithLines.route((turn, p) => restartWithLines(deps, turn, p)),
    sharedVerbs.cartBuyAgain.route((turn, p) => buyAgain(deps, turn, p)),
  ];
}
