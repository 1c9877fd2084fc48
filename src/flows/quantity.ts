/**
 * A quantity the rep typed. Card inputs arrive as strings; only plain digits count (no sign, decimal,
 * exponent or spaces, which `Number` would accept), and at most nine of them so the number stays exact.
 */
export function parseQuantity(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** The typed quantity when it lies within the offer's limits, else undefined. */
export function quantityWithin(text: string | undefined, min: number, max: number): number | undefined {
  const quantity = parseQuantity(text);
  return quantity !== undefined && quantity >= min && quantity <= max ? quantity : undefined;
}
