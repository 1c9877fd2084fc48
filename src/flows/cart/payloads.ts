import { z } from 'zod';

/**
 * Card payload schemas. A card is never trusted (design rule 2): payloads carry ids, a version and the
 * rep's input text, all bounded; keys the verb does not use are dropped by the parse.
 */
const text = (max: number) => z.string().max(max).transform((v) => v.trim());
const optionalText = (max: number) => z.string().max(max).optional().transform((v) => v?.trim() ?? '');

/** Identifies the purchase and the version the card was drawn from; stale versions are refused. */
export const purchaseRefSchema = z.object({
  purchaseId: z.uuid(),
  version: z.coerce.number().int().nonnegative(),
});

export const searchPayload = purchaseRefSchema.extend({ query: optionalText(100) });
export const pickPayload = purchaseRefSchema.extend({ choice: optionalText(200), query: optionalText(100) });

/** The line card's inputs arrive as strings (Input.Number too, toolchain.md); validated in line-input.ts. */
export const saveLinePayload = purchaseRefSchema.extend({
  offer: optionalText(200),
  quantity: optionalText(12),
  friendlyName: optionalText(100),
  promotionId: optionalText(60),
  coterm: optionalText(60),
  customTermEndDate: optionalText(30),
  renewsTo: optionalText(5),
  transactionReseller: optionalText(20),
  additionalResellers: optionalText(200),
}).catchall(z.unknown());

export const linePayload = purchaseRefSchema.extend({ lineId: optionalText(64) });

export const placeOrderPayload = purchaseRefSchema.extend({
  attestPartnerOfRecord: z.enum(['true', 'false']).default('false'),
  attestLines: z.enum(['true', 'false']).default('false'),
});

export const provisioningInputPrefix = 'prov_';
/** Choice values may not be empty (Adaptive Cards), so "no co-termination" has its own value. */
export const NO_COTERM = 'none';
export const provisioningValueSchema = text(200);
