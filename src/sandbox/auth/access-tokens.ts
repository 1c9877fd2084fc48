import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/** The audience of Partner Center tokens (the JWT sample in partner-security-requirements). */
const PARTNER_CENTER_AUDIENCE = 'https://api.partnercenter.microsoft.com';
const ACCESS_TOKEN_LIFETIME_SECONDS = 3599;

interface TokenSubject {
  tenantId: string;
  clientId: string;
  /** Set for App+User tokens: the consenting partner user. */
  user?: { objectId: string; upn: string };
}

export interface VerifiedToken {
  tenantId: string;
  clientId: string;
  /** App-only tokens carry no `scp`; Partner Center refuses them on App+User-only routes (900329). */
  appOnly: boolean;
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Entra-shaped access tokens (a JWT with aud, iss, tid, appid, scp/roles, amr), signed with the sandbox's
 * own HMAC key instead of Entra's RSA keys: only the sandbox verifies them.
 */
export class AccessTokens {
  constructor(
    private readonly signingKey: Buffer,
    private readonly now: () => Date,
  ) {}

  issue(subject: TokenSubject): { token: string; expiresIn: number } {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const claims = {
      aud: PARTNER_CENTER_AUDIENCE,
      iss: `https://sts.windows.net/${subject.tenantId}/`,
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + ACCESS_TOKEN_LIFETIME_SECONDS,
      tid: subject.tenantId,
      appid: subject.clientId,
      uti: randomUUID(),
      ver: '1.0',
      ...(subject.user
        ? { scp: 'user_impersonation', oid: subject.user.objectId, upn: subject.user.upn, amr: ['pwd', 'mfa'], idtyp: 'user' }
        : { oid: subject.clientId, idtyp: 'app' }),
    };
    const unsigned = `${encode({ typ: 'JWT', alg: 'HS256' })}.${encode(claims)}`;
    return { token: `${unsigned}.${this.sign(unsigned)}`, expiresIn: ACCESS_TOKEN_LIFETIME_SECONDS };
  }

  /** Undefined for anything that is not a token this sandbox issued, unexpired, for Partner Center. */
  verify(token: string): VerifiedToken | undefined {
    const [header, payload, signature, ...rest] = token.split('.');
    if (!header || !payload || !signature || rest.length > 0) return undefined;
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let claims: Record<string, unknown>;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    if (claims['aud'] !== PARTNER_CENTER_AUDIENCE || typeof claims['exp'] !== 'number') return undefined;
    if (claims['exp'] * 1000 <= this.now().getTime()) return undefined;
    return { tenantId: String(claims['tid']), clientId: String(claims['appid']), appOnly: claims['scp'] === undefined };
  }

  private sign(data: string): string {
    return createHmac('sha256', this.signingKey).update(data).digest('base64url');
  }
}
