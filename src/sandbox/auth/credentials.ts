import { randomBytes, randomUUID } from 'node:crypto';

/**
 * The app registration and the one-time App+User consent the sandbox knows: what Partner Center's App
 * management page and the Secure Application Model consent would give a partner.
 */
export interface SandboxCredentials {
  /** The partner's Entra ID tenant: the only tenant the token endpoint serves (else AADSTS90002). */
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The refresh token an Admin agent's MFA consent yielded (App+User). */
  refreshToken: string;
}

/**
 * Fixed credentials of `npm run sandbox`, documented in docs/sandbox.md and the README so that any
 * number of bot processes can be pointed at one shared sandbox. They open nothing but the sandbox.
 */
export const SHARED_SANDBOX_CREDENTIALS: SandboxCredentials = {
  tenantId: '7c0b4a8e-1f2d-4e3c-9a5b-6d7e8f901234',
  clientId: '2a4c6e80-3b5d-4f7a-8c9e-0b1d3f5a7c9e',
  clientSecret: 'sandbox-client-secret',
  refreshToken: 'sandbox-consent-refresh-token',
};

/** Credentials nobody else knows, for a sandbox that lives inside one process (`npm start`, tests). */
export function generatedCredentials(): SandboxCredentials {
  return {
    tenantId: randomUUID(),
    clientId: randomUUID(),
    clientSecret: randomBytes(24).toString('base64url'),
    refreshToken: randomBytes(32).toString('base64url'),
  };
}
