import { command } from '../command-table';
import type { Feature } from '../feature';
import { route } from '../verb-table';
import { cancelCurrent, cancelPurchase } from './cancel-handlers';
import { confirmCart, placeOrder } from './checkout-handlers';
import { placeOrderPayload, purchaseRefSchema } from './payloads';
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
      route('cart.confirm', purchaseRefSchema, (turn, p) => confirmCart(deps, turn, p)),
      route('cart.placeOrder', placeOrderPayload, (turn, p) => placeOrder(deps, turn, p)),
      route('cart.cancel', purchaseRefSchema, (turn, p) => cancelPurchase(deps, turn, p)),
    ],
  };
}
