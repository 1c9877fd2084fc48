import type { CustomerStepDeps } from '../customer/customer-deps';
import { command } from '../command-table';
import type { Feature } from '../feature';
import { route } from '../verb-table';
import { addOrderLine, editOrder, pickOrderCustomer, reviewOrder, searchOrderCustomer, startOrder } from './order-handlers';
import { orderLinePayload, orderReviewPayload } from './payloads';
import { purchaseRefSchema, searchPayload } from '../purchase/payloads';
import { customerStepPayload } from '../customer/customer-payloads';

/**
 * Orders of offers with a billing cycle (New-PartnerCustomerOrder, Subscription parameter set). The
 * confirmation, the gate and the result are the cart's own (cart.confirm, cart.placeOrder): only the
 * building and the submission (POST /orders, see order-kind.ts) differ.
 */
export function orderFeature(deps: CustomerStepDeps): Feature {
  return {
    name: 'order',
    access: { commands: 'buy', verbs: 'buy' },
    commands: [command('new order', (turn) => startOrder(deps, turn.actor, turn.conversation, turn.locale), { help: { description: 'welcome.cmd.newOrder' } })],
    routes: [
      route('order.searchCustomer', searchPayload, (turn, p) => searchOrderCustomer(deps, turn, p)),
      route('order.pickCustomer', customerStepPayload, (turn, p) => pickOrderCustomer(deps, turn, p)),
      route('order.addLine', orderLinePayload, (turn, p) => addOrderLine(deps, turn, p)),
      route('order.review', orderReviewPayload, (turn, p) => reviewOrder(deps, turn, p)),
      route('order.edit', purchaseRefSchema, (turn, p) => editOrder(deps, turn, p)),
    ],
  };
}
