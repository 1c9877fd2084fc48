/** One /v1 call as the sandbox saw it, with the status it answered (0 = connection dropped by a knob). */
export interface RecordedRequest {
  method: string;
  /** e.g. /v1/customers/x/carts */
  path: string;
  query: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON as sent (original key casing), the raw text if it was not JSON, undefined if empty. */
  body: unknown;
  status: number;
}
