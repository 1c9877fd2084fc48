import { randomBytes } from 'node:crypto';
import { createRefreshTokenProvider, type RotationStep } from '../../../src/partner-center/auth';
import { encryptedRefreshTokenStore } from '../../../src/partner-center/refresh-token-store';
import { createStorage } from '../../../src/store/create-storage';
import type { VersionedStorage } from '../../../src/store/storage';
import { startFakeEntra, type FakeEntra } from './fake-entra';

const tenantId = '8b1f7c3e-0000-4000-8000-000000000001';
const clientId = 'client-id';
const boundTo = `${tenantId}/${clientId}`;

let entra: FakeEntra | undefined;
afterEach(() => entra?.server.close());

function provider(storage: VersionedStorage, key: Buffer, fromFile: string, onRotationError?: (error: unknown, during: RotationStep) => void) {
  return createRefreshTokenProvider({
    tenantId,
    clientId,
    credential: { clientSecret: 'app-secret' },
    refreshToken: async () => fromFile,
    rotation: encryptedRefreshTokenStore(storage, key, boundTo),
    onRotationError,
    networkClient: entra?.networkClient,
  });
}

const redeemed = () => entra?.tokenRequests().map((request) => request.get('refresh_token'));

describe('refresh token rotation kept across restarts (Secure Application Model)', () => {
  it('stores each refresh token Entra ID rotates in, encrypted, and the next start redeems it before the file', async () => {
    entra = await startFakeEntra(tenantId);
    const storage = await createStorage({ kind: 'memory' });
    const key = randomBytes(32);

    const first = provider(storage, key, 'consented-refresh-token');
    await expect(first.getAccessToken()).resolves.toBe('access-token-1');
    await expect(first.getAccessToken({ forceRefresh: true })).resolves.toBe('access-token-2');
    const stored = JSON.stringify((await storage.get('partner-center/refresh-token'))?.value);
    expect(stored).toContain('"algorithm":"aes-256-gcm"');
    expect(stored).not.toContain('rotated-refresh-token');
    await expect(encryptedRefreshTokenStore(storage, key, boundTo).load()).resolves.toBe('rotated-refresh-token-2');

    // A new process: same store, a file that still holds the consent's (older) token.
    const restarted = provider(storage, key, 'consented-refresh-token');
    await expect(restarted.getAccessToken()).resolves.toBe('access-token-3');
    expect(redeemed()).toEqual(['consented-refresh-token', 'rotated-refresh-token-1', 'rotated-refresh-token-2']);
    await expect(encryptedRefreshTokenStore(storage, key, boundTo).load()).resolves.toBe('rotated-refresh-token-3');
  });

  it('falls back to the file when the kept token has expired (a new consent was put in the file)', async () => {
    entra = await startFakeEntra(tenantId, { rejectedRefreshTokens: ['rotated-refresh-token-1'] });
    const storage = await createStorage({ kind: 'memory' });
    const key = randomBytes(32);
    await provider(storage, key, 'consented-refresh-token').getAccessToken();

    const restarted = provider(storage, key, 'new-consent-refresh-token');
    await expect(restarted.getAccessToken()).resolves.toBe('access-token-2');
    expect(redeemed()).toEqual(['consented-refresh-token', 'rotated-refresh-token-1', 'new-consent-refresh-token']);
    await expect(encryptedRefreshTokenStore(storage, key, boundTo).load()).resolves.toBe('rotated-refresh-token-2');
  });

  it('reports a kept token that does not open with the key (key replaced) and uses the file', async () => {
    entra = await startFakeEntra(tenantId);
    const storage = await createStorage({ kind: 'memory' });
    await provider(storage, randomBytes(32), 'consented-refresh-token').getAccessToken();

    const problems: string[] = [];
    const withOtherKey = provider(storage, randomBytes(32), 'consented-refresh-token', (_error, during) => problems.push(during));
    await expect(withOtherKey.getAccessToken()).resolves.toBe('access-token-2');
    expect(problems).toEqual(['load']);
    expect(redeemed()).toEqual(['consented-refresh-token', 'consented-refresh-token']);
  });

  it('does not open a token sealed for another app registration', async () => {
    const storage = await createStorage({ kind: 'memory' });
    const key = randomBytes(32);
    await encryptedRefreshTokenStore(storage, key, boundTo).save('a-refresh-token');
    await expect(encryptedRefreshTokenStore(storage, key, `${tenantId}/another-app`).load()).rejects.toThrow();
  });
});
