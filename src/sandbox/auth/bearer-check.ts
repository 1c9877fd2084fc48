import { partnerCenterError, SandboxHttpError } from '../errors';
import type { AccessTokens, VerifiedToken } from './access-tokens';

/**
 * Every /v1 call needs a bearer token the sandbox's Entra ID issued (headers.md: Authorization is
 * required). No token is 401 800001 "Partner Token missing in request context"; a token that is not
 * valid (expired, forged, another sandbox's) is 401 code 400 "Access denied" with the
 * `WWW-Authenticate: Bearer error="invalid_token"` challenge, which makes a client fetch a new one.
 */
export function authenticate(accessTokens: AccessTokens, authorization: string | undefined): VerifiedToken {
  const found = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!found) {
    const missing = partnerCenterError(401, 800001, 'Partner Token missing in request context');
    throw new SandboxHttpError(missing.status, missing.body, { 'WWW-Authenticate': 'Bearer' });
  }
  const verified = accessTokens.verify(found[1] ?? '');
  if (!verified) {
    const denied = partnerCenterError(401, 400, 'Access denied');
    throw new SandboxHttpError(denied.status, denied.body, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  return verified;
}

/** get-order-provisioning-status: App+User only; app-only callers get 403 900329 (error-codes.md). */
export const appOnlyRefused = (): SandboxHttpError =>
  partnerCenterError(403, 900329, 'This resource does not support application-only authentication.');
