import { z } from 'zod';
import { optionalText, purchaseRefSchema } from '../purchase/payloads';

/**
 * Card payload schemas. A card is never trusted (docs/architecture.md, rule 2): payloads carry ids, a version and the
 * rep's input text, all bounded; keys the verb does not use are dropped by the parse (the line card's
 * inputs are read by name in line-input.ts).
 */
export const pickPayload = purchaseRefSchema.extend({ choice: optionalText(200) });
/**
 * The line card: only the reference is checked here. Each input is parsed on its own in line-input.ts
 * (with `cardInputText` and `LINE_INPUT_LIMITS`), so a bad value comes back next to its field with
 * the rest of the rep's values kept instead of as one refusal for the whole card.
 */
export const saveLinePayload = purchaseRefSchema.catchall(z.unknown());

/** The longest value each line card input takes: the card's own `maxLength`, so only a crafted payload exceeds it. */
export const LINE_INPUT_LIMITS = {
  offer: 200,
  quantity: 12,
  friendlyName: 100,
  promotionId: 60,
  coterm: 60,
  customTermEndDate: 30,
  renewsTo: 5,
  transactionReseller: 20,
  additionalResellers: 200,
} as const;
export type LineInputName = keyof typeof LINE_INPUT_LIMITS;
export const PROVISIONING_VALUE_LIMIT = 200;

export const linePayload = purchaseRefSchema.extend({ lineId: optionalText(64) });

export const provisioningInputPrefix = 'prov_';
/** Choice values may not be empty (Adaptive Cards), so "no co-termination" has its own value. */
export const NO_COTERM = 'none';
