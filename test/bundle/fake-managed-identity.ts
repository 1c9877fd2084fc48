import { createServer, type Server } from 'node:http';
import { once } from 'node:events';

/**
 * App Service's managed identity endpoint (IDENTITY_ENDPOINT, IDENTITY_HEADER) on 127.0.0.1: Azure's
 * token service is outside the project, so it is the one thing faked. Tokens carry what Azurite checks.
 */
export interface FakeManagedIdentity {
  endpoint: string;
  header: string;
  /** The query of every token request (resource, client_id, api-version). */
  requests: URLSearchParams[];
  close(): Promise<void>;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startFakeManagedIdentity(tenantId: string): Promise<FakeManagedIdentity> {
  const header = 'fake-identity-header';
  const requests: URLSearchParams[] = [];
  const server: Server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
    requests.push(query);
    if (request.headers['x-identity-header'] !== header) {
      response.statusCode = 401;
      response.end();
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const resource = query.get('resource') ?? '';
    const claims = { aud: resource, iss: `https://sts.windows.net/${tenantId}/`, iat: now, nbf: now, exp: now + 3600, oid: query.get('client_id'), tid: tenantId };
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        access_token: `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`,
        expires_on: String(now + 3600),
        resource,
        token_type: 'Bearer',
        client_id: query.get('client_id'),
      }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    endpoint: `http://127.0.0.1:${address.port}/msi/token`,
    header,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
