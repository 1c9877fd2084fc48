import { defineVerb } from '../card-verb';
import { customerStepPayload } from '../customer/customer-payloads';
import { searchPayload } from '../purchase/payloads';
import { orderLinePayload, orderReviewPayload } from './payloads';

/** The verbs only the order's own cards emit (order.edit is in purchase/shared-verbs.ts). */
export const orderVerbs = {
  searchCustomer: defineVerb('order.searchCustomer', searchPayload, { inputs: ['query'] }),
  pickCustomer: defineVerb('order.pickCustomer', customerStepPayload),
  addLine: defineVerb('order.addLine', orderLinePayload, {
    inputs: ['offerId', 'quantity', 'termDuration', 'friendlyName', 'promotionId', 'transactionReseller', 'additionalResellers', 'billingCycle'],
  }),
  review: defineVerb('order.review', orderReviewPayload, { inputs: ['billingCycle'] }),
};
