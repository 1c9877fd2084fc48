import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { startScriptedServer, type ReceivedCall, type ScriptedAnswer, type ScriptedServer } from './scripted-server';

/**
 * A fake Entra ID token endpoint on 127.0.0.1 (Entra ID is outside the project, so it is the one thing
 * we fake). msal-node refuses http:// authorities ("authority_uri_insecure"), so the provider keeps its
 * real https authority and msal's own `networkClient` extension point sends the requests here instead.
 */
export interface FakeEntra {
  server: ScriptedServer;
  networkClient: INetworkModule;
  /** The form posts that reached /oauth2/v2.0/token, decoded. */
  tokenRequests(): URLSearchParams[];
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** msal reads the account from an id_token and client_info; it does not verify the signature. */
function idToken(tenantId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: 'client-id',
    iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    oid: 'user-object-id',
    sub: 'user-subject',
    tid: tenantId,
    preferred_username: 'agent@partner.example',
  };
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}

/** `rejectedRefreshTokens`: refresh tokens answered as expired (AADSTS70008), as Entra ID does after 90 days unused. */
export async function startFakeEntra(tenantId: string, options: { rejectedRefreshTokens?: string[] } = {}): Promise<FakeEntra> {
  let issued = 0;
  const answer = (call: ReceivedCall): ScriptedAnswer => {
    const url = new URL(call.url, 'http://127.0.0.1');
    if (url.pathname.endsWith('/discovery/instance')) {
      return {
        body: {
          tenant_discovery_endpoint: `https://login.microsoftonline.com/${tenantId}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net'] }],
        },
      };
    }
    if (url.pathname.endsWith('/.well-known/openid-configuration')) {
      const root = `https://login.microsoftonline.com/${tenantId}`;
      return {
        body: {
          token_endpoint: `${root}/oauth2/v2.0/token`,
          authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${root}/oauth2/v2.0/logout`,
          issuer: `${root}/v2.0`,
          jwks_uri: `${root}/discovery/v2.0/keys`,
        },
      };
    }
    if (url.pathname.endsWith('/oauth2/v2.0/token')) {
      const form = new URLSearchParams(call.body);
      const delegated = form.get('grant_type') === 'refresh_token';
      if (delegated && options.rejectedRefreshTokens?.includes(form.get('refresh_token') ?? '')) {
        return {
          status: 400,
          body: { error: 'invalid_grant', error_description: 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.', error_codes: [70008] },
        };
      }
      issued += 1;
      return {
        body: {
          token_type: 'Bearer',
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: `access-token-${issued}`,
          scope: form.get('scope'),
          ...(delegated
            ? {
                refresh_token: `rotated-refresh-token-${issued}`,
                id_token: idToken(tenantId),
                client_info: base64url({ uid: 'user-object-id', utid: tenantId }),
              }
            : {}),
        },
      };
    }
    return { status: 404, body: { error: 'not_found' } };
  };
  const server = await startScriptedServer(answer);

  async function send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const local = url.replace(/^https:\/\/login\.microsoftonline\.com/, server.baseUrl);
    const response = await fetch(local, { method, headers: options?.headers, body: options?.body });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: (await response.json()) as T,
    };
  }

  return {
    server,
    networkClient: {
      sendGetRequestAsync: (url, options) => send('GET', url, options),
      sendPostRequestAsync: (url, options) => send('POST', url, options),
    },
    tokenRequests: () =>
      server.calls.filter((call) => new URL(call.url, 'http://127.0.0.1').pathname.endsWith('/oauth2/v2.0/token')).map((call) => new URLSearchParams(call.body)),
  };
}
