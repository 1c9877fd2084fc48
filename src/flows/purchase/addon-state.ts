import { z } from 'zod';
import { BILLING_CYCLES } from '../../partner-center/schemas';

/** Where the quick add-on flow stands: each step is one card and (mostly) one tap. */
const ADDON_STEPS = ['customer', 'subscription', 'addon', 'confirm'] as const;

/** The subscription the add-on is for, as Partner Center described it when the rep picked it. */
const baseSubscriptionSchema = z.object({
  id: z.string(),
  offerId: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  /** The order that bought it: a legacy add-on PATCHes this order (New-PartnerCustomerOrder, AddOn set). */
  orderId: z.string().optional(),
  commitmentEndDate: z.string().optional(),
  termDuration: z.string().optional(),
  billingCycle: z.enum(BILLING_CYCLES).optional(),
  /** New commerce (`product:sku:availability` offer id) rather than a legacy GUID offer. */
  isNce: z.boolean(),
});
export type BaseSubscription = z.infer<typeof baseSubscriptionSchema>;

/**
 * The add-on picked. Legacy add-ons are bought by PATCHing the base order; new-commerce ones as a cart
 * line of their own, co-terminated with the base (new-commerce-add-ons.md).
 */
const addOnChoiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  family: z.enum(['legacy', 'nce']),
  minQuantity: z.number().int().positive(),
  maxQuantity: z.number().int().positive(),
});
export type AddOnChoice = z.infer<typeof addOnChoiceSchema>;

export const addOnStateSchema = z.object({
  step: z.enum(ADDON_STEPS),
  base: baseSubscriptionSchema.optional(),
  choice: addOnChoiceSchema.optional(),
});
