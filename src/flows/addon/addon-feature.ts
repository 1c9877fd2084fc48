import { command } from '../command-table';
import type { Feature } from '../feature';
import { route } from '../verb-table';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { buyAddOn } from './buy-handler';
import { addOnBuyPayload, addOnChoicePayload, addOnForSubscriptionPayload, addOnSubscriptionPayload } from './payloads';
import {
  addOnBack, addOnForSubscription, cancelAddOn, pickAddOn, pickAddOnCustomer, pickAddOnSubscription, searchAddOnCustomer, startAddOn,
} from './step-handlers';
import { purchaseRefSchema, searchPayload } from '../purchase/payloads';
import { customerStepPayload } from '../customer/customer-payloads';

/**
 * The quick add-on flow for a rep on a phone: `add-on` → customer → subscription → add-on → quantity and
 * attestation → bought, one tap per step. Also opened from a subscription on another card.
 */
export function addOnFeature(deps: CustomerStepDeps): Feature {
  return {
    name: 'addon',
    access: { commands: 'buy', verbs: 'buy' },
    commands: [command('add-on', (turn) => startAddOn(deps, turn.actor, turn.conversation, turn.locale), { help: { description: 'welcome.cmd.addOn' } })],
    routes: [
      route('addon.searchCustomer', searchPayload, (turn, p) => searchAddOnCustomer(deps, turn, p)),
      route('addon.pickCustomer', customerStepPayload, (turn, p) => pickAddOnCustomer(deps, turn, p)),
      route('addon.pickSubscription', addOnSubscriptionPayload, (turn, p) => pickAddOnSubscription(deps, turn, p)),
      route('addon.pickAddOn', addOnChoicePayload, (turn, p) => pickAddOn(deps, turn, p)),
      route('addon.buy', addOnBuyPayload, (turn, p) => buyAddOn(deps, turn, p)),
      route('addon.back', purchaseRefSchema, (turn, p) => addOnBack(deps, turn, p)),
      route('addon.cancel', purchaseRefSchema, (turn, p) => cancelAddOn(deps, turn, p)),
      route('addon.forSubscription', addOnForSubscriptionPayload, (turn, p) => addOnForSubscription(deps, turn, p)),
    ],
  };
}
