import { z } from 'zod';
import { route, type VerbRoute } from '../verb-table';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import {
  addLine, editCart, editLine, pickCustomer, pickProduct, removeLine, saveLine, searchCustomer, searchProduct, showCurrent,
} from './edit-handlers';
import { restartWithLines, startCart } from './lifecycle-handlers';
import { buyAgain } from './buy-again';
import { linePayload, pickPayload, saveLinePayload } from './payloads';
import { reviewCart, showRequest } from './pricing-handlers';
import { purchaseRefSchema, searchPayload } from '../purchase/payloads';

/** Every card verb of the cart conversation, with its payload schema. */
export function cartRoutes(deps: PurchaseDeps): VerbRoute[] {
  return [
    route('cart.start', z.object({}), (turn) => startCart(deps, turn.actor, turn.conversation, turn.locale)),
    route('cart.searchCustomer', searchPayload, (turn, p) => searchCustomer(deps, turn, p)),
    route('cart.pickCustomer', pickPayload, (turn, p) => pickCustomer(deps, turn, p)),
    route('cart.addLine', purchaseRefSchema, (turn, p) => addLine(deps, turn, p)),
    route('cart.searchProduct', searchPayload, (turn, p) => searchProduct(deps, turn, p)),
    route('cart.pickProduct', pickPayload, (turn, p) => pickProduct(deps, turn, p)),
    route('cart.saveLine', saveLinePayload, (turn, p) => saveLine(deps, turn, p)),
    route('cart.editLine', linePayload, (turn, p) => editLine(deps, turn, p)),
    route('cart.removeLine', linePayload, (turn, p) => removeLine(deps, turn, p)),
    route('cart.show', purchaseRefSchema, (turn, p) => showCurrent(deps, turn, p)),
    route('cart.edit', purchaseRefSchema, (turn, p) => editCart(deps, turn, p)),
    route('cart.review', purchaseRefSchema, (turn, p) => reviewCart(deps, turn, p)),
    route('cart.showRequest', purchaseRefSchema, (turn, p) => showRequest(deps, turn, p)),
    route('cart.restartWithLines', purchaseRefSchema, (turn, p) => restartWithLines(deps, turn, p)),
    route('cart.buyAgain', purchaseRefSchema, (turn, p) => buyAgain(deps, turn, p)),
  ];
}
