import { z } from 'zod';

/**
 * A card input's value as text (trimmed; absent is empty). Teams posts an Input.Number as text
 * (docs/platform-notes.md, "Cards on phones"), other Adaptive Card hosts as a JSON number: both read the same.
 */
export const cardInputText = z
  .union([z.string(), z.number().finite().transform(String)])
  .nullish()
  .transform((v) => (v ?? '').trim());

/** A quantity input in a card payload: text or a number, at most the card's own maxLength (12). */
export const quantityInputSchema = cardInputText.refine((text) => text.length <= 12);

/**
 * A quantity the rep typed. Only plain digits count (no sign, decimal, exponent or spaces, which `Number`
 * would accept), and at most nine of them so the number stays exact.
 */
export function parseQuantity(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** The typed quantity when it lies within the offer's limits, else undefined. */
export function quantityWithin(text: string | undefined, min: number, max: number): number | undefined {
  const quantity = parseQuantity(text);
  return quantity !== undefined && quantity >= min && quantity <= max ? quantity : undefined;
}
