/** What a route handler sees: the path parameters, the query, and the body with camelCase keys. */
export interface SandboxRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON as sent (the contract schemas bind its keys case-insensitively); undefined if empty. */
  body: unknown;
  now: Date;
  /**
   * Waits out the latency knob. The pipeline calls it after the handler; a handler that holds a lock
   * (checkout) calls it itself while holding it, so concurrent requests can observe the work in progress.
   */
  processingDelay(): Promise<void>;
}

export interface SandboxResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (request: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under /v1 with `{name}` parameters, e.g. `/customers/{customerId}/carts/{cartId}`. */
  pattern: string;
  handler: RouteHandler;
  /** Partner Center refuses app-only tokens here (403 900329): App+User only. */
  appUserOnly?: boolean;
}
