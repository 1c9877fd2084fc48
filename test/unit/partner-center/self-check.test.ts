import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INetworkModule } from '@azure/msal-node';
import { sandboxTokenProvider } from '../../../src/connect-partner-center';
import {
  createClientCredentialsTokenProvider, createRefreshTokenProvider, refreshTokenFromFile,
} from '../../../src/partner-center/auth';
import { checkPartnerCenter } from '../../../src/partner-center/self-check';
import { startSandbox } from '../../../src/sandbox';
import { startFakeEntra, type FakeEntra } from './fake-entra';
import { startScriptedServer, type ScriptedAnswer, type ScriptedServer } from './scripted-server';

const tenantId = '8b1f7c3e-0000-4000-8000-000000000001';
const clientId = '5d2a9a41-0000-4000-8000-000000000002';
const SECRET = 'app-secret-never-printed';
const ENTRA_CORRELATION = '2d4a6c8e-1111-4222-8333-444455556666';

describe('the Partner Center start-up self-check', () => {
  let entra: FakeEntra;
  let partnerCenter: ScriptedServer | undefined;
  beforeEach(async () => {
    entra = await startFakeEntra(tenantId);
  });
  afterEach(async () => {
    await entra.server.close();
    await partnerCenter?.close();
    partnerCenter = undefined;
  });

  const appOnly = (networkClient: INetworkModule = entra.networkClient) =>
    createClientCredentialsTokenProvider({ tenantId, clientId, credential: { clientSecret: SECRET }, networkClient });
  const servePartnerCenter = async (answer: ScriptedAnswer) => {
    partnerCenter = await startScriptedServer(() => answer);
    return partnerCenter.baseUrl;
  };

  it('passes against the embedded sandbox, signed in through its own Entra ID', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const report = await checkPartnerCenter({ baseUrl: sandbox.baseUrl, mode: 'embedded sandbox', tokenProvider: sandboxTokenProvider(sandbox) });
      expect(report).toMatchObject({ ok: true, fields: { partnerCenter: sandbox.baseUrl, mode: 'embedded sandbox' } });
      expect(report.summary).toBe(`Partner Center self-check passed: customers readable at ${sandbox.baseUrl} (embedded sandbox)`);
      expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/customers']);
    } finally {
      await sandbox.close();
    }
  });

  it('makes one cheap authenticated read and says which tenant, app and mode it reached', async () => {
    const baseUrl = await servePartnerCenter({ body: { totalCount: 1, items: [], attributes: { objectType: 'Collection' } } });
    const report = await checkPartnerCenter({ baseUrl, mode: 'app-only (client secret)', tokenProvider: appOnly(), tenantId, clientId });
    expect(report).toMatchObject({ ok: true, fields: { tenant: tenantId, app: clientId, mode: 'app-only (client secret)' } });
    expect(report.summary).toContain(`as app ${clientId}`);
    const [call] = partnerCenter!.calls;
    expect(`${call.method} ${call.url}`).toBe('GET /v1/customers?size=1');
    expect(call.headers.authorization).toBe('Bearer access-token-1');
    expect(call.headers['x-locale']).toBe('en-US');
  });

  it('reports a refused token with the HTTP status, the Partner Center code and the correlation id', async () => {
    const baseUrl = await servePartnerCenter({ status: 401, body: { code: 900300, description: 'Token is invalid', data: [], source: 'PartnerApi' } });
    const report = await checkPartnerCenter({ baseUrl, mode: 'app-only (client secret)', tokenProvider: appOnly(), tenantId, clientId });
    expect(report.ok).toBe(false);
    expect(report.summary).toMatch(/refused the credentials: PARTNER_CENTER_TENANT_ID must be the partner tenant/);
    expect(report.fields).toMatchObject({ kind: 'auth', httpStatus: 401, partnerCenterCode: 900300, description: 'Token is invalid' });
    expect(report.fields.correlationId).toBe(partnerCenter!.calls[0].headers['ms-correlationid']);
    expect(report.fields.requestId).toBe(partnerCenter!.calls[0].headers['ms-requestid']);
  });

  it('points at the base URL when the host is not Partner Center', async () => {
    const baseUrl = await servePartnerCenter({ status: 404, body: 'Not Found' });
    const report = await checkPartnerCenter({ baseUrl, mode: 'app-only (client secret)', tokenProvider: appOnly(), tenantId, clientId });
    expect(report).toMatchObject({ ok: false, fields: { kind: 'not_found', httpStatus: 404 } });
    expect(report.summary).toContain('PARTNER_CENTER_BASE_URL should be like https://api.partnercenter.microsoft.com');
  });

  it('says when Partner Center cannot be reached at all', async () => {
    const closed = await startScriptedServer([]);
    await closed.close();
    const report = await checkPartnerCenter({ baseUrl: closed.baseUrl, mode: 'app-only (client secret)', tokenProvider: appOnly(), tenantId, clientId });
    expect(report).toMatchObject({ ok: false, fields: { kind: 'network' } });
    expect(report.summary).toContain('could not connect');
  });

  it('translates an Entra ID refusal into the variable to fix, with the AADSTS code and correlation id', async () => {
    const refusingEntra: INetworkModule = {
      sendGetRequestAsync: (url, options) => entra.networkClient.sendGetRequestAsync(url, options),
      sendPostRequestAsync: async () => ({
        status: 401,
        headers: {},
        body: {
          error: 'invalid_client',
          error_description: `AADSTS7000215: Invalid client secret provided. Trace ID: 0f0e0d0c-0000-4000-8000-000000000000 Correlation ID: ${ENTRA_CORRELATION}`,
          error_codes: [7000215],
          correlation_id: ENTRA_CORRELATION,
        },
      }) as never,
    };
    const report = await checkPartnerCenter({ baseUrl: 'https://api.partnercenter.microsoft.com', mode: 'app-only (client secret)', tokenProvider: appOnly(refusingEntra), tenantId, clientId });
    expect(report.ok).toBe(false);
    expect(report.summary).toBe('Partner Center self-check failed: no token from Entra ID: PARTNER_CENTER_CLIENT_SECRET is wrong or expired (use the secret value, not its id)');
    expect(report.fields).toMatchObject({ entraError: 'invalid_client', entraCode: 'AADSTS7000215', correlationId: ENTRA_CORRELATION });
    expect(JSON.stringify(report)).not.toContain(SECRET);
  });

  describe('App+User (Secure Application Model)', () => {
    let folder: string;
    beforeEach(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'partner-cart-refresh-'));
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    const appUser = (file: string) =>
      createRefreshTokenProvider({ tenantId, clientId, credential: { clientSecret: SECRET }, refreshToken: refreshTokenFromFile(file), networkClient: entra.networkClient });

    it('exchanges the refresh token kept in a file for a delegated token', async () => {
      const file = path.join(folder, 'refresh-token');
      writeFileSync(file, 'stored-refresh-token\n');
      const baseUrl = await servePartnerCenter({ body: { totalCount: 0, items: [] } });
      const report = await checkPartnerCenter({ baseUrl, mode: 'App+User (refresh token, client secret)', tokenProvider: appUser(file), tenantId, clientId });
      expect(report.ok).toBe(true);
      expect(entra.tokenRequests()[0].get('refresh_token')).toBe('stored-refresh-token');
    });

    it('names the variable when the refresh token file is missing', async () => {
      const report = await checkPartnerCenter({
        baseUrl: 'https://api.partnercenter.microsoft.com', mode: 'App+User (refresh token, client secret)', tokenProvider: appUser(path.join(folder, 'absent')), tenantId, clientId,
      });
      expect(report.ok).toBe(false);
      expect(report.summary).toContain('PARTNER_CENTER_REFRESH_TOKEN_FILE cannot be read');
    });
  });
});
