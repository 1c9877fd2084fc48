import { createClientCredentialsTokenProvider, createRefreshTokenProvider } from '../../../src/partner-center/auth';
import { createPartnerCenterClient } from '../../../src/partner-center/client';
import { networkClientTrusting } from '../../../src/partner-center/tls-network-client';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { asRecord } from './sandbox-client';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const ctx = { correlationId: 'aaaa0000-bb11-2222-33cc-444444dddddd', locale: 'en-US' };

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

/** A raw call to the sandbox's Entra ID over TLS, trusting its certificate. */
async function entraCall(method: 'GET' | 'POST', path: string, body?: string): Promise<{ status: number; body: unknown }> {
  const network = networkClientTrusting(sandbox.tlsCertificate);
  const url = `${sandbox.authorityHost}${path}`;
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const response = method === 'GET' ? await network.sendGetRequestAsync(url) : await network.sendPostRequestAsync(url, { headers, body });
  return { status: response.status, body: response.body };
}

function app(overrides: { tenantId?: string; clientSecret?: string } = {}) {
  return {
    tenantId: overrides.tenantId ?? sandbox.credentials.tenantId,
    clientId: sandbox.credentials.clientId,
    credential: { clientSecret: overrides.clientSecret ?? sandbox.credentials.clientSecret },
    authorityHost: sandbox.authorityHost,
    networkClient: networkClientTrusting(sandbox.tlsCertificate),
  };
}

describe('the bot’s real token path (msal-node) against the sandbox’s Entra ID', () => {
  it('app-only: client credentials, then Partner Center calls with the token', async () => {
    const tokenProvider = createClientCredentialsTokenProvider(app());
    const client = createPartnerCenterClient({ baseUrl: sandbox.baseUrl, tokenProvider });
    await expect(client.getCustomer(ctx, CONTOSO_ID)).resolves.toMatchObject({ id: CONTOSO_ID });
  });

  it('App+User: the consent refresh token, then a provisioning-status read app-only callers cannot make', async () => {
    const tokenProvider = createRefreshTokenProvider({ ...app(), refreshToken: sandbox.credentials.refreshToken });
    const client = createPartnerCenterClient({ baseUrl: sandbox.baseUrl, tokenProvider });
    const [order] = await client.listOrders(ctx, CONTOSO_ID);
    await expect(client.getOrderProvisioningStatus(ctx, CONTOSO_ID, order?.id ?? '')).resolves.toEqual(expect.any(Array));
  });

  it('a wrong secret fails with AADSTS7000215', async () => {
    const tokenProvider = createClientCredentialsTokenProvider(app({ clientSecret: 'not-the-secret' }));
    await expect(tokenProvider.getAccessToken()).rejects.toThrow('AADSTS7000215');
  });

  it('a wrong tenant: the OpenID configuration and the token endpoint answer AADSTS90002; msal reports it as it does for Entra ID', async () => {
    const tenant = '11111111-2222-4333-8444-555555555555';
    const tokenProvider = createClientCredentialsTokenProvider(app({ tenantId: tenant }));
    await expect(tokenProvider.getAccessToken()).rejects.toThrow('endpoints_resolution_error');
    const configuration = await entraCall('GET', `/${tenant}/v2.0/.well-known/openid-configuration`);
    expect(configuration).toMatchObject({ status: 400, body: { error: 'invalid_tenant', error_codes: [90002] } });
    const token = await entraCall('POST', `/${tenant}/oauth2/v2.0/token`, new URLSearchParams({
      grant_type: 'client_credentials', client_id: sandbox.credentials.clientId, client_secret: sandbox.credentials.clientSecret,
      scope: 'https://api.partnercenter.microsoft.com/.default',
    }).toString());
    expect(token).toMatchObject({ status: 400, body: { error: 'invalid_request', error_codes: [90002] } });
    expect(String(asRecord(token.body)['error_description'])).toMatch(/^AADSTS90002: Tenant '11111111-/);
  });

  it('an expired refresh token (90 days unused) fails with AADSTS700082', async () => {
    const own = await startSandbox({ port: 0 });
    try {
      await fetch(`${own.baseUrl}/_sandbox/clock`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advanceMs: 91 * 24 * 60 * 60 * 1000 }),
      });
      const tokenProvider = createRefreshTokenProvider({
        tenantId: own.credentials.tenantId, clientId: own.credentials.clientId, credential: { clientSecret: own.credentials.clientSecret },
        authorityHost: own.authorityHost, networkClient: networkClientTrusting(own.tlsCertificate), refreshToken: own.credentials.refreshToken,
      });
      await expect(tokenProvider.getAccessToken()).rejects.toThrow('AADSTS700082');
    } finally {
      await own.close();
    }
  });

  it('an unknown refresh token fails with AADSTS70000', async () => {
    const tokenProvider = createRefreshTokenProvider({ ...app(), refreshToken: 'revoked-or-made-up' });
    await expect(tokenProvider.getAccessToken()).rejects.toThrow('AADSTS70000');
  });
});

describe('bearer checks on /v1', () => {
  const call = (path: string, authorization?: string) =>
    fetch(`${sandbox.baseUrl}${path}`, { headers: authorization ? { Authorization: authorization } : {} });

  it.each(['/v1/customers?size=1', `/v1/customers/${CONTOSO_ID}/orders`, '/v1/products?country=US&targetView=OnlineServices', '/v1/no/such/route'])(
    '%s: 401 800001 without a token, 401 400 with a bad one',
    async (path) => {
      const missing = await call(path);
      expect(missing.status).toBe(401);
      expect(asRecord(await missing.json())['code']).toBe(800001);
      const forged = await call(path, 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.x');
      expect(forged.status).toBe(401);
      expect(forged.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(asRecord(await forged.json())['code']).toBe(400);
    },
  );

  it('403 900329 for an app-only token on the provisioning-status route; App+User passes', async () => {
    const orders = asRecord(await (await call(`/v1/customers/${CONTOSO_ID}/orders`, `Bearer ${sandbox.issueToken()}`)).json());
    const orderId = String(asRecord((orders['items'] as unknown[])[0])['id']);
    const path = `/v1/customers/${CONTOSO_ID}/orders/${orderId}/provisioningstatus`;
    const appOnly = await call(path, `Bearer ${sandbox.issueToken('app-only')}`);
    expect(appOnly.status).toBe(403);
    expect(asRecord(await appOnly.json())).toMatchObject({ code: 900329 });
    expect((await call(path, `Bearer ${sandbox.issueToken('app+user')}`)).status).toBe(200);
  });
});
