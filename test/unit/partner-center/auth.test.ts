import { ConfidentialClientApplication } from '@azure/msal-node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createClientCredentialsTokenProvider,
  createRefreshTokenProvider,
  DEFAULT_APP_SCOPE,
  DEFAULT_USER_SCOPE,
  noToken,
} from '../../../src/partner-center/auth';
import { createPartnerCenterClient } from '../../../src/partner-center/client';
import { certificateFromPem, resolveCertificate } from '../../../src/partner-center/certificate';
import { startFakeEntra, type FakeEntra } from './fake-entra';
import { startScriptedServer } from './scripted-server';

const tenantId = '8b1f7c3e-0000-4000-8000-000000000001';
const clientId = 'client-id';
const certificatePath = join(__dirname, 'fixtures', 'throwaway-test-certificate.pem');
// `openssl x509 -noout -fingerprint -sha256` of the fixture.
const certificateThumbprint = '9432FC4716060144FC60DFDEDDA356C981DEA6A8213A57C1BBFE65207FDB3598';

let entra: FakeEntra;
beforeEach(async () => {
  entra = await startFakeEntra(tenantId);
});
afterEach(() => entra.server.close());

describe('noToken', () => {
  it('has no token, so the client sends no Authorization header', async () => {
    await expect(noToken.getAccessToken()).resolves.toBeUndefined();
  });
});

describe('createClientCredentialsTokenProvider', () => {
  it('gets an app-only token with the Partner Center scope and reuses msal’s cache', async () => {
    const provider = createClientCredentialsTokenProvider({
      tenantId,
      clientId,
      credential: { clientSecret: 'app-secret' },
      networkClient: entra.networkClient,
    });
    await expect(provider.getAccessToken()).resolves.toBe('access-token-1');
    await expect(provider.getAccessToken()).resolves.toBe('access-token-1');
    const [request, ...others] = entra.tokenRequests();
    expect(others).toHaveLength(0);
    expect(request?.get('grant_type')).toBe('client_credentials');
    expect(request?.get('client_id')).toBe(clientId);
    expect(request?.get('client_secret')).toBe('app-secret');
    expect(request?.get('scope')).toBe(DEFAULT_APP_SCOPE);
  });

  it('hands out the token it holds without asking msal, until five minutes before it expires', async () => {
    const acquire = jest.spyOn(ConfidentialClientApplication.prototype, 'acquireTokenByClientCredential');
    let now = Date.now();
    const provider = createClientCredentialsTokenProvider({
      tenantId, clientId, credential: { clientSecret: 'app-secret' }, networkClient: entra.networkClient, now: () => now,
    });
    try {
      await provider.getAccessToken();
      now += 54 * 60_000;
      await expect(provider.getAccessToken()).resolves.toBe('access-token-1');
      expect(acquire).toHaveBeenCalledTimes(1);
      now += 2 * 60_000;
      await provider.getAccessToken();
      expect(acquire).toHaveBeenCalledTimes(2);
    } finally {
      acquire.mockRestore();
    }
  });

  it('goes back to Entra ID when a refresh is forced', async () => {
    const provider = createClientCredentialsTokenProvider({
      tenantId,
      clientId,
      credential: { clientSecret: 'app-secret' },
      scope: 'https://graph.windows.net/.default',
      networkClient: entra.networkClient,
    });
    await provider.getAccessToken();
    await expect(provider.getAccessToken({ forceRefresh: true })).resolves.toBe('access-token-2');
    expect(entra.tokenRequests().map((r) => r.get('scope'))).toEqual([
      'https://graph.windows.net/.default',
      'https://graph.windows.net/.default',
    ]);
  });

  it('signs a client assertion with a certificate read from a PEM file', async () => {
    const provider = createClientCredentialsTokenProvider({
      tenantId,
      clientId,
      credential: { certificate: { path: certificatePath } },
      networkClient: entra.networkClient,
    });
    await expect(provider.getAccessToken()).resolves.toBe('access-token-1');
    const request = entra.tokenRequests()[0];
    expect(request?.get('client_secret')).toBeNull();
    expect(request?.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const [header] = (request?.get('client_assertion') ?? '').split('.');
    const decoded = JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(Buffer.from(String(decoded['x5t#S256']), 'base64url').toString('hex').toUpperCase()).toBe(certificateThumbprint);
  });
});

describe('certificates', () => {
  it('computes the SHA-256 thumbprint and keeps the chain for x5c', () => {
    const credential = resolveCertificate({ path: certificatePath });
    expect(credential.thumbprintSha256).toBe(certificateThumbprint);
    expect(credential.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(credential.x5c).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('rejects a file without a private key, naming the file but not its content', () => {
    const certificateOnly = readFileSync(certificatePath, 'utf8').replace(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/, '');
    expect(() => certificateFromPem(certificateOnly, 'cert.pem')).toThrow('cert.pem: expected a PEM file with a private key and a certificate');
  });
});

describe('createRefreshTokenProvider (Secure Application Model)', () => {
  it('redeems the stored refresh token for the user_impersonation scope, then uses msal’s account', async () => {
    const provider = createRefreshTokenProvider({
      tenantId,
      clientId,
      credential: { clientSecret: 'app-secret' },
      refreshToken: async () => 'stored-refresh-token',
      networkClient: entra.networkClient,
    });
    await expect(provider.getAccessToken()).resolves.toBe('access-token-1');
    await expect(provider.getAccessToken()).resolves.toBe('access-token-1');
    await expect(provider.getAccessToken({ forceRefresh: true })).resolves.toBe('access-token-2');

    const [first, forced, ...others] = entra.tokenRequests();
    expect(others).toHaveLength(0);
    expect(first?.get('grant_type')).toBe('refresh_token');
    expect(first?.get('refresh_token')).toBe('stored-refresh-token');
    expect(first?.get('scope')?.split(' ')).toContain(DEFAULT_USER_SCOPE);
    // The forced refresh uses the rotated refresh token Entra ID returned, from msal's cache.
    expect(forced?.get('refresh_token')).toBe('rotated-refresh-token-1');
  });
});

describe('client and msal together', () => {
  it('refreshes an app-only token once after a 401 and sends the new one', async () => {
    const partnerCenter = await startScriptedServer([
      { status: 401, body: { code: 800001, description: 'Partner Token missing in request context' } },
      { status: 200, body: { id: 'customer-1' } },
    ]);
    try {
      const client = createPartnerCenterClient({
        baseUrl: partnerCenter.baseUrl,
        tokenProvider: createClientCredentialsTokenProvider({
          tenantId,
          clientId,
          credential: { clientSecret: 'app-secret' },
          networkClient: entra.networkClient,
        }),
      });
      await expect(client.getCustomer({ correlationId: 'c', locale: 'en-US' }, 'customer-1')).resolves.toMatchObject({ id: 'customer-1' });
      expect(partnerCenter.calls.map((call) => call.headers.authorization)).toEqual(['Bearer access-token-1', 'Bearer access-token-2']);
    } finally {
      await partnerCenter.close();
    }
  });
});
