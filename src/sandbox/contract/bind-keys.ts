import { z } from 'zod';

/**
 * Partner Center binds request properties case-insensitively: the .NET SDK and PowerShell send PascalCase
 * ("LineItems", "PartnerOnRecordAttestationAccepted"), the REST samples camelCase, and both are accepted.
 * Each key is matched, ignoring case, to a property the resource declares; a key that matches none stays
 * as sent, so the strict object below names it instead of silently dropping it (the service would ignore
 * it, and a client would never learn that a renamed field never arrived).
 */
function bindToShape(value: unknown, names: readonly string[]): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const byLowerCase = new Map(names.map((name) => [name.toLowerCase(), name]));
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [byLowerCase.get(key.toLowerCase()) ?? key, inner]));
}

/** A request resource: keys bound case-insensitively to `shape`, unknown keys refused. */
export function requestResource<Shape extends z.ZodRawShape>(shape: Shape) {
  const names = Object.keys(shape);
  return z.preprocess((value) => bindToShape(value, names), z.strictObject(shape));
}
