import { command } from '../command-table';
import type { Feature } from '../feature';
import type { CartDeps } from './cart-deps';
import { cartRoutes } from './cart-routes';
import { cancelCurrent, startCart } from './lifecycle-handlers';

export function cartFeature(deps: CartDeps): Feature {
  return {
    name: 'cart',
    access: { commands: 'buy', verbs: 'buy' },
    commands: [
      command('new cart', (turn) => startCart(deps, turn.actor, turn.conversation, turn.locale), { help: { description: 'welcome.cmd.newCart' } }),
      command('cancel', (turn) => cancelCurrent(deps, turn.actor, turn.conversation, turn.locale), { help: { description: 'welcome.cmd.cancel' } }),
    ],
    routes: cartRoutes(deps),
  };
}

