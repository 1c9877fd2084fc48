import { randomUUID } from 'node:crypto';

/** An Entra ID token-endpoint failure: the OAuth `error`, the AADSTS number and its message. */
export interface EntraError {
  status: number;
  error: string;
  aadsts: number;
  message: string;
}

/** `invalid_tenant` from the OpenID configuration document, `invalid_request` from the token endpoint. */
export const wrongTenant = (tenant: string, error: 'invalid_tenant' | 'invalid_request'): EntraError => ({
  status: 400, error, aadsts: 90002,
  message: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
});

export const unknownClient = (clientId: string, tenant: string): EntraError => ({
  status: 400, error: 'unauthorized_client', aadsts: 700016,
  message: `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`,
});

export const wrongSecret = (clientId: string): EntraError => ({
  status: 401, error: 'invalid_client', aadsts: 7000215,
  message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
});

export const expiredRefreshToken = (): EntraError => ({
  status: 400, error: 'invalid_grant', aadsts: 700082,
  message: `The refresh token has expired due to inactivity. The token was issued on a date and was inactive for 90.00:00:00.`,
});

export const invalidGrant = (): EntraError => ({
  status: 400, error: 'invalid_grant', aadsts: 70000,
  message: 'Provided grant is invalid or malformed.',
});

export const invalidScope = (scope: string): EntraError => ({
  status: 400, error: 'invalid_scope', aadsts: 70011,
  message: `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid: '${scope}'.`,
});

export const unsupportedGrant = (grantType: string): EntraError => ({
  status: 400, error: 'unsupported_grant_type', aadsts: 70003,
  message: `The app requested an unsupported grant type '${grantType}'.`,
});

/** The body Entra ID answers with: the description starts with the AADSTS code, then trace and correlation ids. */
export function entraErrorBody(failure: EntraError, correlationId: string, now: Date): Record<string, unknown> {
  const traceId = randomUUID();
  const timestamp = now.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return {
    error: failure.error,
    error_description: `AADSTS${failure.aadsts}: ${failure.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [failure.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${failure.aadsts}`,
  };
}
