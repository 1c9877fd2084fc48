import { defineVerb } from '../card-verb';
import { customerStepPayload } from '../customer/customer-payloads';
import { purchaseRefSchema, searchPayload } from '../purchase/payloads';
import { addOnBuyPayload, addOnChoicePayload, addOnSubscriptionPayload } from './payloads';

/** The verbs only the add-on's own cards emit (addon.back and addon.forSubscription are in purchase/shared-verbs.ts). */
export const addOnVerbs = {
  searchCustomer: defineVerb('addon.searchCustomer', searchPayload, { inputs: ['query'] }),
  pickCustomer: defineVerb('addon.pickCustomer', customerStepPayload),
  pickSubscription: defineVerb('addon.pickSubscription', addOnSubscriptionPayload),
  pickAddOn: defineVerb('addon.pickAddOn', addOnChoicePayload),
  buy: defineVerb('addon.buy', addOnBuyPayload, { inputs: ['quantity', 'attest'] }),
  cancel: defineVerb('addon.cancel', purchaseRefSchema),
};
