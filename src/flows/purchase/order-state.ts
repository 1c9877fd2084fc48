import { z } from 'zod';

/** New-PartnerCustomerOrder's -BillingCycle {Annual | Monthly | None}, as the orders API spells them. */
export const ORDER_BILLING_CYCLES = ['monthly', 'annual', 'none'] as const;
export type OrderBillingCycle = (typeof ORDER_BILLING_CYCLES)[number];

/** What an order-kind purchase adds to the cart fields: the one billing cycle of the whole order. */
export const orderSettingsSchema = z.object({
  billingCycle: z.enum(ORDER_BILLING_CYCLES),
});
