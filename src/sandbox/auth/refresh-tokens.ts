import { randomBytes } from 'node:crypto';
import { addDays } from '../rules/durations';

/** "Refresh tokens … are valid for 90 days" of inactivity (Entra ID token lifetimes; Secure Application Model). */
const REFRESH_TOKEN_INACTIVITY_DAYS = 90;

export interface RefreshTokenGrant {
  clientId: string;
  expiresAt: string;
}

type RefreshOutcome = { kind: 'granted'; refreshToken: string } | { kind: 'expired' } | { kind: 'invalid' };

/**
 * Refresh tokens the sandbox issued (and the consent one it was given). Redeeming one returns a rotated
 * token, as Entra ID does; earlier tokens stay usable until they expire, as they do there.
 */
export class RefreshTokens {
  constructor(private readonly grants: Map<string, RefreshTokenGrant>) {}

  /** The token of the one-time MFA consent; its inactivity window starts when the sandbox first knows it. */
  registerConsent(refreshToken: string, clientId: string, now: Date): void {
    if (!this.grants.has(refreshToken)) {
      this.grants.set(refreshToken, { clientId, expiresAt: addDays(now, REFRESH_TOKEN_INACTIVITY_DAYS).toISOString() });
    }
  }

  redeem(refreshToken: string, clientId: string, now: Date): RefreshOutcome {
    const grant = this.grants.get(refreshToken);
    if (!grant || grant.clientId !== clientId) return { kind: 'invalid' };
    if (Date.parse(grant.expiresAt) <= now.getTime()) return { kind: 'expired' };
    const rotated = randomBytes(32).toString('base64url');
    this.grants.set(rotated, { clientId, expiresAt: addDays(now, REFRESH_TOKEN_INACTIVITY_DAYS).toISOString() });
    return { kind: 'granted', refreshToken: rotated };
  }

  entries(): [string, RefreshTokenGrant][] {
    return [...this.grants];
  }
}
