import { command } from '../command-table';
import type { Feature } from '../feature';
import { cancelCurrent, cancelPurchase } from './cancel-handlers';
import { confirmCart, placeOrder } from './checkout-handlers';
import { sharedVerbs } from './shared-verbs';
import type { PurchaseDeps } from './purchase-deps';

/**
 * What every kind of purchase shares: the `cancel` command (the rep's open purchase, whatever its kind),
 * and the confirmation, "Place order" and "Cancel" that carts and orders both show. The verbs keep their
 * `cart.` names: cards already posted in Teams still send them.
 */
export function purchaseFeature(deps: PurchaseDeps): Feature {
  return {
    name: 'purchase',
    access: { commands: 'buy', verbs: 'buy' },
    commands: [
      command('cancel', (turn) => cancelCurrent(deps, turn.actor, turn.conversation, turn.locale), { help: { description: 'welcome.cmd.cancel' } }),
    ],
    routes: [
      sharedVerbs.cartConfirm.route((turn, p) => confirmCart(deps, turn, p)),
      sharedVerbs.cartPlaceOrder.route((turn, p) => placeOrder(deps, turn, p)),
      sharedVerbs.cartCancel.route((turn, p) => cancelPurchase(deps, turn, p)),
    ],
  };
}
