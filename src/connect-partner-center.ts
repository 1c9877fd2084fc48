import type { PartnerCenterConfig } from './config';
import {
  createClientCredentialsTokenProvider, createRefreshTokenProvider, type AccessTokenProvider,
} from './partner-center';
import type { Logger } from './logger';
import { refreshTokenFromFile, type AppCredential, type RotationStep } from './partner-center/auth';
import { encryptedRefreshTokenStore } from './partner-center/refresh-token-store';
import { networkClientTrusting } from './partner-center/tls-network-client';
import type { RunningSandbox } from './sandbox';
import type { VersionedStorage } from './store/storage';

interface PartnerCenterConnection {
  baseUrl: string;
  tokenProvider: AccessTokenProvider;
  /** In words, for the start-up log and the self-check. */
  mode: string;
  tenantId?: string;
  clientId?: string;
  close(): Promise<void>;
}

/** Orders placed in the local sandbox finish provisioning after a minute, like the real service's delay. */
const SANDBOX_PROVISIONING_DELAY_MS = 60_000;

/**
 * App-only tokens from a sandbox's own Entra ID through the same msal-node path as the live service,
 * trusting the sandbox's self-signed certificate for this one connection.
 */
export function sandboxTokenProvider(sandbox: Pick<RunningSandbox, 'credentials' | 'authorityHost' | 'tlsCertificate'>): AccessTokenProvider {
  return createClientCredentialsTokenProvider({
    tenantId: sandbox.credentials.tenantId,
    clientId: sandbox.credentials.clientId,
    credential: { clientSecret: sandbox.credentials.clientSecret },
    authorityHost: sandbox.authorityHost,
    networkClient: networkClientTrusting(sandbox.tlsCertificate),
  });
}

/**
 * The Partner Center the bot talks to: the embedded sandbox when PARTNER_CENTER_BASE_URL is unset,
 * otherwise the real service with app-only or App+User credentials, as configured.
 */
const ROTATION_WARNINGS: Record<RotationStep, string> = {
  load: 'Partner Center: the kept refresh token could not be read (PARTNER_CENTER_TOKEN_KEY changed?); using PARTNER_CENTER_REFRESH_TOKEN_FILE',
  redeem: 'Partner Center: the kept refresh token was refused (expired or revoked?); using PARTNER_CENTER_REFRESH_TOKEN_FILE',
  save: 'Partner Center: the rotated refresh token could not be stored; it is kept in memory',
};

export async function connectPartnerCenter(
  config: PartnerCenterConfig,
  { storage, log }: { storage: VersionedStorage; log: Logger },
): Promise<PartnerCenterConnection> {
  if (config.mode === 'sandbox') {
    // Loaded only here: a bot talking to the real Partner Center never needs the sandbox's ~280 modules.
    const { startSandbox } = require('./sandbox') as typeof import('./sandbox');
    const sandbox = await startSandbox({ port: 0, provisioningDelayMs: SANDBOX_PROVISIONING_DELAY_MS, dataDir: config.dataDir });
    return {
      baseUrl: sandbox.baseUrl,
      tokenProvider: sandboxTokenProvider(sandbox),
      mode: 'embedded sandbox (app-only, generated credentials)',
      tenantId: sandbox.credentials.tenantId,
      clientId: sandbox.credentials.clientId,
      close: () => sandbox.close(),
    };
  }
  const credential: AppCredential =
    config.credential.kind === 'secret' ? { clientSecret: config.credential.secret } : { certificate: { path: config.credential.path, password: config.credential.password } };
  const app = { tenantId: config.tenantId, clientId: config.clientId, credential, scope: config.scope, authorityHost: config.authorityHost };
  const credentialName = config.credential.kind === 'secret' ? 'client secret' : 'certificate';
  const { auth } = config;
  const tokenProvider =
    auth.kind === 'app+user'
      ? createRefreshTokenProvider({
          ...app,
          refreshToken: refreshTokenFromFile(auth.refreshTokenFile),
          rotation: auth.rotationKey && encryptedRefreshTokenStore(storage, auth.rotationKey, `${config.tenantId}/${config.clientId}`),
          onRotationError: (error, during) =>
            log.warn(
              { during, reason: error instanceof Error ? error.message : String(error) },
              ROTATION_WARNINGS[during],
            ),
        })
      : createClientCredentialsTokenProvider(app);
  const rotation = auth.kind === 'app+user' && auth.rotationKey ? 'rotated token kept encrypted in storage' : 'rotated token kept in memory only: set PARTNER_CENTER_TOKEN_KEY';
  return {
    baseUrl: config.baseUrl,
    tokenProvider,
    mode: auth.kind === 'app+user' ? `App+User (refresh token, ${credentialName}; ${rotation})` : `app-only (${credentialName})`,
    tenantId: config.tenantId,
    clientId: config.clientId,
    close: async () => undefined,
  };
}
