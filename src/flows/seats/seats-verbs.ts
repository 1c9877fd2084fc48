import { defineVerb } from '../card-verb';
import { customerStepPayload } from '../customer/customer-payloads';
import { purchaseRefSchema, searchPayload } from '../purchase/payloads';
import { seatsQuantityPayload, seatsRenewalQuantityPayload, seatsSubscriptionPayload } from './payloads';

/** The verbs only the seat cards emit (seats.back is in purchase/shared-verbs.ts: the result card's "Try again" sends it too). */
export const seatsVerbs = {
  searchCustomer: defineVerb('seats.searchCustomer', searchPayload, { inputs: ['query'] }),
  pickCustomer: defineVerb('seats.pickCustomer', customerStepPayload),
  pickSubscription: defineVerb('seats.pickSubscription', seatsSubscriptionPayload),
  review: defineVerb('seats.review', seatsQuantityPayload, { inputs: ['quantity'] }),
  cancelSubscription: defineVerb('seats.cancelSubscription', purchaseRefSchema),
  change: defineVerb('seats.change', purchaseRefSchema),
  cancel: defineVerb('seats.cancel', purchaseRefSchema),
  undo: defineVerb('seats.undo', purchaseRefSchema),
  undoConfirm: defineVerb('seats.undoConfirm', purchaseRefSchema),
  show: defineVerb('seats.show', purchaseRefSchema),
  autoRenewOff: defineVerb('seats.autoRenewOff', purchaseRefSchema),
  lowerAtRenewal: defineVerb('seats.lowerAtRenewal', seatsRenewalQuantityPayload),
};
