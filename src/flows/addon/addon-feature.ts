import { command } from '../command-table';
import type { Feature } from '../feature';
import { sharedVerbs } from '../purchase/shared-verbs';
import { addOnVerbs } from './addon-verbs';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { buyAddOn } from './buy-handler';
import {
  addOnBack, addOnForSubscription, cancelAddOn, pickAddOn, pickAddOnCustomer, pickAddOnSubscription, searchAddOnCustomer, startAddOn,
} from './step-handlers';

/**
 * The quick add-on flow for a rep on a phone: `add-on` → customer → subscription → add-on → quantity and
 * attestation → bought, one tap per step. Also opened from a subscription on another card.
 */
export function addOnFeature(deps: CustomerStepDeps): Feature {
  return {
    name: 'addon',
    access: { commands: 'buy', verbs: 'buy' },
    commands: [command('add-on', (turn, customer) => startAddOn(deps, turn, customer), {
      argument: 'optional', help: { description: 'welcome.cmd.addOn', argument: 'welcome.arg.customer' },
    })],
    routes: [
      addOnVerbs.searchCustomer.route((turn, p) => searchAddOnCustomer(deps, turn, p)),
      addOnVerbs.pickCustomer.route((turn, p) => pickAddOnCustomer(deps, turn, p)),
      addOnVerbs.pickSubscription.route((turn, p) => pickAddOnSubscription(deps, turn, p)),
      addOnVerbs.pickAddOn.route((turn, p) => pickAddOn(deps, turn, p)),
      addOnVerbs.buy.route((turn, p) => buyAddOn(deps, turn, p)),
      sharedVerbs.addonBack.route((turn, p) => addOnBack(deps, turn, p)),
      addOnVerbs.cancel.route((turn, p) => cancelAddOn(deps, turn, p)),
      sharedVerbs.addonForSubscription.route((turn, p) => addOnForSubscription(deps, turn, p)),
    ],
  };
}
