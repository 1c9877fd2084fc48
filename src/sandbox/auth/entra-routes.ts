import { timingSafeEqual, randomUUID } from 'node:crypto';
import type { AccessTokens } from './access-tokens';
import type { SandboxCredentials } from './credentials';
import {
  entraErrorBody, expiredRefreshToken, invalidGrant, invalidScope, unknownClient, unsupportedGrant, wrongSecret, wrongTenant,
  type EntraError,
} from './entra-errors';
import type { RefreshTokens } from './refresh-tokens';
import { SANDBOX_PARTNER_USER } from './sandbox-user';

export interface EntraDeps {
  credentials: SandboxCredentials;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  now(): Date;
  /** Called after a refresh token was issued, so a durable sandbox can keep it across restarts. */
  changed(): void;
  /** Resolves once what `changed` announced is kept (before the token is handed out). */
  kept(): Promise<void>;
}

interface EntraRequest {
  method: string;
  path: string;
  /** `https://host:port` as the caller reached it: the issuer and endpoints are built from it. */
  origin: string;
  headers: Record<string, string>;
  body: string;
}

interface EntraAnswer {
  status: number;
  body: Record<string, unknown>;
}

const APP_SCOPES = ['https://api.partnercenter.microsoft.com/.default', 'https://graph.windows.net/.default'];
const USER_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';
/** Scopes msal adds to every delegated request; Entra ID grants them alongside the resource scope. */
const OIDC_SCOPES = ['openid', 'profile', 'offline_access'];

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** The Entra ID paths msal-node uses; anything else is Partner Center's. */
export function isEntraPath(path: string): boolean {
  return /^\/[^/]+\/(oauth2\/v2\.0\/token|v2\.0\/\.well-known\/openid-configuration|discovery\/instance)$/i.test(path);
}

function openIdConfiguration(origin: string, tenantId: string): Record<string, unknown> {
  const root = `${origin}/${tenantId}`;
  return {
    token_endpoint: `${root}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${root}/oauth2/v2.0/logout`,
    jwks_uri: `${root}/discovery/v2.0/keys`,
    issuer: `${root}/v2.0`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    tenant_region_scope: 'EU',
  };
}

function instanceDiscovery(origin: string, tenantId: string): Record<string, unknown> {
  const host = new URL(origin).host;
  return {
    tenant_discovery_endpoint: `${origin}/${tenantId}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}

/** An id_token for msal's account cache; msal reads its claims and does not verify a signature. */
function idToken(origin: string, credentials: SandboxCredentials, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const claims = {
    aud: credentials.clientId,
    iss: `${origin}/${credentials.tenantId}/v2.0`,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + 3600,
    oid: SANDBOX_PARTNER_USER.objectId,
    sub: SANDBOX_PARTNER_USER.objectId,
    tid: credentials.tenantId,
    preferred_username: SANDBOX_PARTNER_USER.upn,
    name: 'Sandbox Admin Agent',
    ver: '2.0',
  };
  return `${base64url({ typ: 'JWT', alg: 'none' })}.${base64url(claims)}.`;
}

function tokenGrant(deps: EntraDeps, origin: string, form: URLSearchParams): Record<string, unknown> | EntraError {
  const { credentials, now } = deps;
  const clientId = form.get('client_id') ?? '';
  if (clientId.toLowerCase() !== credentials.clientId.toLowerCase()) return unknownClient(clientId, credentials.tenantId);
  if (!sameText(form.get('client_secret') ?? '', credentials.clientSecret)) return wrongSecret(clientId);
  const scopes = (form.get('scope') ?? '').split(' ').filter((scope) => scope !== '');
  const grantType = form.get('grant_type') ?? '';
  if (grantType === 'client_credentials') {
    if (scopes.length !== 1 || !APP_SCOPES.includes(scopes[0] ?? '')) return invalidScope(form.get('scope') ?? '');
    const { token, expiresIn } = deps.accessTokens.issue({ tenantId: credentials.tenantId, clientId: credentials.clientId });
    return { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token };
  }
  if (grantType === 'refresh_token') {
    const resourceScopes = scopes.filter((scope) => !OIDC_SCOPES.includes(scope));
    if (resourceScopes.length !== 1 || resourceScopes[0] !== USER_SCOPE) return invalidScope(form.get('scope') ?? '');
    const outcome = deps.refreshTokens.redeem(form.get('refresh_token') ?? '', credentials.clientId, now());
    if (outcome.kind === 'expired') return expiredRefreshToken();
    if (outcome.kind === 'invalid') return invalidGrant();
    deps.changed();
    const { token, expiresIn } = deps.accessTokens.issue({
      tenantId: credentials.tenantId, clientId: credentials.clientId, user: SANDBOX_PARTNER_USER,
    });
    return {
      token_type: 'Bearer',
      scope: USER_SCOPE,
      expires_in: expiresIn,
      ext_expires_in: expiresIn,
      access_token: token,
      refresh_token: outcome.refreshToken,
      id_token: idToken(origin, credentials, now()),
      client_info: base64url({ uid: SANDBOX_PARTNER_USER.objectId, utid: credentials.tenantId }),
    };
  }
  return unsupportedGrant(grantType);
}

/**
 * An Entra ID for the sandbox's one partner tenant: instance discovery, the OpenID configuration and the
 * v2.0 token endpoint with the client-credentials and refresh-token grants msal-node uses, answering
 * failures with the AADSTS codes Entra ID uses for them.
 */
export function answerEntra(deps: EntraDeps, request: EntraRequest): EntraAnswer {
  const [, tenant = '', ...rest] = request.path.split('/');
  const endpoint = rest.join('/').toLowerCase();
  const correlationId = request.headers['client-request-id'] ?? randomUUID();
  const fail = (failure: EntraError): EntraAnswer => ({ status: failure.status, body: entraErrorBody(failure, correlationId, deps.now()) });
  const { tenantId } = deps.credentials;
  if (endpoint === 'discovery/instance') return { status: 200, body: instanceDiscovery(request.origin, tenantId) };
  const isConfiguration = endpoint === 'v2.0/.well-known/openid-configuration';
  if (tenant.toLowerCase() !== tenantId.toLowerCase()) return fail(wrongTenant(tenant, isConfiguration ? 'invalid_tenant' : 'invalid_request'));
  if (isConfiguration && request.method === 'GET') {
    return { status: 200, body: openIdConfiguration(request.origin, tenantId) };
  }
  if (endpoint === 'oauth2/v2.0/token' && request.method === 'POST') {
    const answer = tokenGrant(deps, request.origin, new URLSearchParams(request.body));
    return 'aadsts' in answer ? fail(answer as EntraError) : { status: 200, body: answer };
  }
  return { status: 405, body: { error: 'invalid_request', error_description: `${request.method} is not supported here.` } };
}
