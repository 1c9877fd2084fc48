import { command } from '../command-table';
import type { Feature } from '../feature';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { cartRoutes } from './cart-routes';
import { startCart } from './lifecycle-handlers';

export function cartFeature(deps: CustomerStepDeps): Feature {
  return {
    name: 'cart',
    access: { commands: 'buy', verbs: 'buy' },
    commands: [
      command('new cart', (turn, customer) => startCart(deps, turn, customer), {
        argument: 'optional', help: { description: 'welcome.cmd.newCart', argument: 'welcome.arg.customer' },
      }),
    ],
    routes: cartRoutes(deps),
  };
}

