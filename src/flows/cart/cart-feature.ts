import { command } from '../command-table';
import type { Feature } from '../feature';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import { cartRoutes } from './cart-routes';
import { startCart } from './lifecycle-handlers';

export function cartFeature(deps: PurchaseDeps): Feature {
  return {
    name: 'cart',
    access: { commands: 'buy', verbs: 'buy' },
    commands: [
      command('new cart', (turn) => startCart(deps, turn.actor, turn.conversation, turn.locale), { help: { description: 'welcome.cmd.newCart' } }),
    ],
    routes: cartRoutes(deps),
  };
}

