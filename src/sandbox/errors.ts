/** A failure the sandbox answers with a status and body, exactly as Partner Center would. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

/** The standard error body (error-codes.md); real payloads carry numeric codes and source "PartnerFD". */
export function partnerCenterError(status: number, code: number, description: string): SandboxHttpError {
  return new SandboxHttpError(status, { code, description, data: [], source: 'PartnerFD' });
}

/** 429 has its own body shape and a Retry-After header (api-throttling-guidance.md). */
export function throttledError(retryAfterSeconds: number): SandboxHttpError {
  return new SandboxHttpError(
    429,
    { statusCode: 429, message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.` },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

export const invalidInput = (detail: string): SandboxHttpError =>
  partnerCenterError(400, 800002, `Invalid request input: ${detail}`);

/**
 * 60003 "Tenant not found" is the table's only 404 for a customer; 900118 "Invalid Customer ID" is a 400,
 * which fits a malformed id better than a well-formed id that this partner simply has no customer for.
 */
export const customerNotFound = (customerId: string): SandboxHttpError =>
  partnerCenterError(404, 60003, `Tenant not found: ${customerId}`);

export const cartNotFound = (cartId: string): SandboxHttpError =>
  partnerCenterError(404, 800008, `Unable to retrieve cart ID ${cartId}`);

export const orderNotFound = (orderId: string): SandboxHttpError =>
  partnerCenterError(404, 20000, `Order ID ${orderId} not found`);

export const subscriptionNotFound = (subscriptionId: string): SandboxHttpError =>
  partnerCenterError(404, 20003, `Subscription with ID ${subscriptionId} not found.`);
