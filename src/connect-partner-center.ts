import type { PartnerCenterConfig } from './config';
import {
  createClientCredentialsTokenProvider, createRefreshTokenProvider, type AccessTokenProvider,
} from './partner-center';
import { refreshTokenFromFile, type AppCredential } from './partner-center/auth';
import { networkClientTrusting } from './partner-center/tls-network-client';
import { startSandbox, type RunningSandbox } from './sandbox';

export interface PartnerCenterConnection {
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
export async function connectPartnerCenter(config: PartnerCenterConfig): Promise<PartnerCenterConnection> {
  if (config.mode === 'sandbox') {
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
    config.credential.kind === 'secret' ? { clientSecret: config.credential.secret } : { certificate: { path: config.credential.path } };
  const app = { tenantId: config.tenantId, clientId: config.clientId, credential, scope: config.scope, authorityHost: config.authorityHost };
  const credentialName = config.credential.kind === 'secret' ? 'client secret' : 'certificate';
  const tokenProvider =
    config.auth.kind === 'app+user'
      ? createRefreshTokenProvider({ ...app, refreshToken: refreshTokenFromFile(config.auth.refreshTokenFile) })
      : createClientCredentialsTokenProvider(app);
  return {
    baseUrl: config.baseUrl,
    tokenProvider,
    mode: config.auth.kind === 'app+user' ? `App+User (refresh token, ${credentialName})` : `app-only (${credentialName})`,
    tenantId: config.tenantId,
    clientId: config.clientId,
    close: async () => undefined,
  };
}
