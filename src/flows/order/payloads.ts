import { z } from 'zod';
import { ORDER_BILLING_CYCLES } from '../purchase/order-state';
import { purchaseRefSchema } from '../purchase/payloads';
import { quantityInputSchema } from '../quantity';

const optionalText = (max: number) => z.string().max(max).optional().transform((v) => v?.trim() ?? '');

/** The draft card's inputs: an offer id as New-PartnerCustomerOrder takes it, a quantity, the billing cycle. */
export const orderLinePayload = purchaseRefSchema.extend({
  offerId: optionalText(100),
  quantity: quantityInputSchema,
  termDuration: optionalText(10),
  friendlyName: optionalText(100),
  promotionId: optionalText(64),
  transactionReseller: optionalText(12),
  additionalResellers: optionalText(100),
  billingCycle: z.enum(ORDER_BILLING_CYCLES).catch('monthly'),
});
export const orderReviewPayload = purchaseRefSchema.extend({ billingCycle: z.enum(ORDER_BILLING_CYCLES).catch('monthly') });
