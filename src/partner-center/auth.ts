import {
  ConfidentialClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type INetworkModule,
} from '@azure/msal-node';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { resolveCertificate, type CertificateSource } from './certificate';
import type { RefreshTokenStore } from './refresh-token-store';

/** Where the client gets its bearer token. `undefined` means "send no Authorization header". */
export interface AccessTokenProvider {
  /** `forceRefresh` bypasses every cache; the client asks for it once after a 401 that is not MFA. */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string | undefined>;
}

/** The local sandbox accepts requests without a token. */
export const noToken: AccessTokenProvider = {
  getAccessToken: async () => undefined,
};

const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
/** App-only scope used by current community code; the .NET SDK used `https://graph.windows.net/.default`. */
export const DEFAULT_APP_SCOPE = 'https://api.partnercenter.microsoft.com/.default';
/** Delegated (App+User, Secure Application Model) scope (enable-secure-app-model.md). */
export const DEFAULT_USER_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';

export type AppCredential = { clientSecret: string } | { certificate: CertificateSource };

interface ConfidentialAppOptions {
  /** For tests: the time the access token's expiry is compared with. */
  now?: () => number;
  tenantId: string;
  clientId: string;
  credential: AppCredential;
  /** Entra ID host; change for sovereign clouds (e.g. https://login.chinacloudapi.cn). */
  authorityHost?: string;
  /** msal-node's HTTP client; replaced only to point msal at a local fake Entra ID in tests. */
  networkClient?: INetworkModule;
}

function confidentialApp(options: ConfidentialAppOptions): ConfidentialClientApplication {
  const { credential } = options;
  const configuration: Configuration = {
    auth: {
      clientId: options.clientId,
      authority: `${(options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '')}/${options.tenantId}`,
      // A host msal does not know as a Microsoft cloud (the sandbox's Entra ID) must be declared, or msal
      // asks login.microsoftonline.com's instance discovery about it; declared, msal reads its own
      // /{tenant}/v2.0/.well-known/openid-configuration.
      ...(options.authorityHost ? { knownAuthorities: [new URL(options.authorityHost).host] } : {}),
      ...('clientSecret' in credential
        ? { clientSecret: credential.clientSecret }
        : { clientCertificate: resolveCertificate(credential.certificate) }),
    },
    system: options.networkClient ? { networkClient: options.networkClient } : undefined,
  };
  return new ConfidentialClientApplication(configuration);
}

function tokenOf(result: AuthenticationResult | null): string {
  if (!result?.accessToken) throw new Error('Entra ID returned no access token');
  return result.accessToken;
}

/**
 * Renewed this long before Entra ID's expiry, so a token never expires on its way to Partner Center
 * (msal-node's own cache renews 5 minutes early too).
 */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;

/**
 * The last access token, handed out until shortly before it expires: looking it up in msal's cache costs
 * a few percent of the CPU of every Partner Center call, and the refresh-token flow also re-reads the
 * serialized cache for a rotated refresh token. `forceRefresh` goes past it.
 */
class HeldToken {
  private held?: { accessToken: string; renewAt: number };

  constructor(private readonly now: () => number) {}

  current(): string | undefined {
    return this.held && this.now() < this.held.renewAt ? this.held.accessToken : undefined;
  }

  keep(result: AuthenticationResult | null): string {
    const accessToken = tokenOf(result);
    const expiresAt = result?.expiresOn?.getTime();
    this.held = expiresAt === undefined ? undefined : { accessToken, renewAt: expiresAt - RENEW_BEFORE_EXPIRY_MS };
    return accessToken;
  }
}

interface ClientCredentialsOptions extends ConfidentialAppOptions {
  scope?: string;
}

/** App-only. msal-node keeps the token in its in-memory cache and renews it before expiry. */
export function createClientCredentialsTokenProvider(options: ClientCredentialsOptions): AccessTokenProvider {
  const app = confidentialApp(options);
  const scopes = [options.scope ?? DEFAULT_APP_SCOPE];
  const token = new HeldToken(options.now ?? Date.now);
  return {
    getAccessToken: async ({ forceRefresh = false } = {}) =>
      (!forceRefresh ? token.current() : undefined) ??
      token.keep(await app.acquireTokenByClientCredential({ scopes, skipCache: forceRefresh })),
  };
}

/** Where keeping the rotated refresh token failed: reading it back, redeeming it, or storing a new one. */
export type RotationStep = 'load' | 'redeem' | 'save';

interface RefreshTokenOptions extends ConfidentialAppOptions {
  /** The refresh token from the one-time MFA consent (stored in Key Vault); a function reads it on demand. */
  refreshToken: string | (() => Promise<string>);
  scope?: string;
  /** Keeps the refresh tokens Entra ID rotates in, across restarts; tried before `refreshToken`. */
  rotation?: RefreshTokenStore;
  /** The rotated token could not be read or kept; the provider goes on with the token it has. */
  onRotationError?: (error: unknown, during: RotationStep) => void;
}

/** The part of msal-node's serialized token cache that holds refresh tokens. */
const cachedRefreshTokensSchema = z.object({
  RefreshToken: z.record(z.string(), z.object({ secret: z.string(), home_account_id: z.string() })).optional(),
});

/**
 * App+User (Secure Application Model). The first token comes from the rotated refresh token kept in
 * `rotation`, else from the configured one; later ones from msal's cache for that account, which holds the
 * rotated refresh token Entra ID returns, and which is kept in `rotation` whenever it changes. If that
 * fails (cache lost, token revoked) the stored refresh tokens are tried again.
 */
export function createRefreshTokenProvider(options: RefreshTokenOptions): AccessTokenProvider {
  const app = confidentialApp(options);
  const scopes = [options.scope ?? DEFAULT_USER_SCOPE];
  const token = new HeldToken(options.now ?? Date.now);
  let account: AccountInfo | null = null;
  let kept: string | undefined;

  async function redeem(refreshToken: string): Promise<string> {
    const result = await app.acquireTokenByRefreshToken({ refreshToken, scopes, forceCache: true });
    account = result?.account ?? null;
    return token.keep(result);
  }

  function cachedRefreshToken(): string | undefined {
    const cache = cachedRefreshTokensSchema.parse(JSON.parse(app.getTokenCache().serialize()));
    return Object.values(cache.RefreshToken ?? {}).find((entry) => entry.home_account_id === account?.homeAccountId)?.secret;
  }

  async function keepRotated(): Promise<void> {
    const latest = cachedRefreshToken();
    if (!options.rotation || !latest || latest === kept) return;
    try {
      await options.rotation.save(latest);
      kept = latest;
    } catch (error) {
      options.onRotationError?.(error, 'save');
    }
  }

  async function loadRotated(): Promise<string | undefined> {
    try {
      kept = await options.rotation?.load();
      return kept;
    } catch (error) {
      options.onRotationError?.(error, 'load');
      return undefined;
    }
  }

  async function fromStoredRefreshToken(): Promise<string> {
    const rotated = await loadRotated();
    let accessToken: string | undefined;
    if (rotated) {
      // Expired or revoked: the configured token may come from a newer consent, so it gets its turn.
      accessToken = await redeem(rotated).catch((error: unknown) => {
        options.onRotationError?.(error, 'redeem');
        return undefined;
      });
    }
    if (accessToken === undefined) {
      const configured = typeof options.refreshToken === 'string' ? options.refreshToken : await options.refreshToken();
      accessToken = await redeem(configured);
    }
    await keepRotated();
    return accessToken;
  }

  return {
    getAccessToken: async ({ forceRefresh = false } = {}) => {
      const held = forceRefresh ? undefined : token.current();
      if (held !== undefined) return held;
      if (!account) return fromStoredRefreshToken();
      let accessToken: string;
      try {
        accessToken = token.keep(await app.acquireTokenSilent({ account, scopes, forceRefresh }));
      } catch {
        return fromStoredRefreshToken();
      }
      await keepRotated();
      return accessToken;
    },
  };
}

/**
 * Reads the Secure Application Model refresh token from a file kept outside the repository (a mounted
 * Key Vault secret, for instance) each time msal needs it, so replacing the file needs no restart.
 */
export function refreshTokenFromFile(file: string): () => Promise<string> {
  return async () => {
    const token = (await readFile(file, 'utf8')).trim();
    if (!token) throw new Error(`the refresh token file ${file} is empty`);
    return token;
  };
}
