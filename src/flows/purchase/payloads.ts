import { z } from 'zod';

/** A bounded, trimmed text input; absent reads as empty. */
export const optionalText = (max: number) => z.string().max(max).optional().transform((v) => v?.trim() ?? '');

/**
 * Identifies the purchase and the version the card was drawn from; stale versions are refused. The card
 * writes the version as a JSON number and Teams sends action data back unchanged, so nothing is coerced:
 * `""`, `null` or `[3]` would otherwise pass as a version.
 */
export const purchaseRefSchema = z.object({
  purchaseId: z.uuid(),
  version: z.number().int().nonnegative(),
});

/** Partner Center customer ids are GUIDs: a picked choice that is not one is never looked up. */
export const customerIdSchema = z.uuid();
/** Other Partner Center ids (subscriptions, add-on offers, orders): reloaded from Partner Center before use. */
export const partnerCenterIdSchema = z.string().trim().min(1).max(100);

/** "Search" on any purchase's card. */
export const searchPayload = purchaseRefSchema.extend({ query: optionalText(100) });
/** "Place order" on the confirmation of a cart or an order: the attestations as the toggles send them. */
export const placeOrderPayload = purchaseRefSchema.extend({
  attestPartnerOfRecord: z.enum(['true', 'false']).default('false'),
  attestLines: z.enum(['true', 'false']).default('false'),
});
/** From a subscription shown on another card (status, an expired approval): starts a new add-on purchase for it. */
export const addOnForSubscriptionPayload = z.object({ customerId: customerIdSchema, subscriptionId: partnerCenterIdSchema });
/** The Status button of an order. */
export const orderStatusPayload = z.object({ orderId: z.string().max(100) });
