/**
 * The service binds request properties case-insensitively: the .NET SDK and PowerShell send PascalCase
 * ("LineItems", "PartnerOnRecordAttestationAccepted"), docs mix both. Lower-casing the first letter of
 * every key lets one camelCase schema read all of them.
 */
export function camelizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key.charAt(0).toLowerCase() + key.slice(1), camelizeKeys(inner)]),
  );
}

/** Key order and whitespace do not make two bodies different (used by MS-RequestId replay). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
}
