import type { CustomerStepDeps } from '../customer/customer-deps';
import { command } from '../command-table';
import type { Feature } from '../feature';
import { sharedVerbs } from '../purchase/shared-verbs';
import { orderVerbs } from './order-verbs';
import { addOrderLine, editOrder, pickOrderCustomer, reviewOrder, searchOrderCustomer, startOrder } from './order-handlers';

/**
 * Orders of offers with a billing cycle (New-PartnerCustomerOrder, Subscription parameter set). The
 * confirmation, the gate and the result are the cart's own (cart.confirm, cart.placeOrder): only the
 * building and the submission (POST /orders, see order-kind.ts) differ. It takes raw offer ids, catalog
 * item ids, promotion ids and reseller Partner IDs, so it is an admin's tool, not a rep's: a rep buys by
 * product name through `new cart`, and does not see `new order` in help or in the manifest's commands.
 */
export function orderFeature(deps: CustomerStepDeps): Feature {
  return {
    name: 'order',
    access: { commands: 'admin', verbs: 'admin' },
    commands: [command('new order', (turn) => startOrder(deps, turn.actor, turn.conversation, turn.locale), { help: { description: 'welcome.cmd.newOrder' } })],
    routes: [
      orderVerbs.searchCustomer.route((turn, p) => searchOrderCustomer(deps, turn, p)),
      orderVerbs.pickCustomer.route((turn, p) => pickOrderCustomer(deps, turn, p)),
      orderVerbs.addLine.route((turn, p) => addOrderLine(deps, turn, p)),
      orderVerbs.review.route((turn, p) => reviewOrder(deps, turn, p)),
      sharedVerbs.orderEdit.route((turn, p) => editOrder(deps, turn, p)),
    ],
  };
}
