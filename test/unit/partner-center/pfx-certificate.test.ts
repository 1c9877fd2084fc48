import { execFileSync } from 'node:child_process';
import { constants, createPublicKey, createSign, createVerify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClientCredentialsTokenProvider } from '../../../src/partner-center/auth';
import { resolveCertificate } from '../../../src/partner-center/certificate';
import { startFakeEntra } from './fake-entra';

// Throwaway PFX files made with the openssl CLI for this run: Node cannot write PKCS#12 itself.
let folder: string;
const file = (name: string) => path.join(folder, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: folder, stdio: 'pipe' });
const thumbprint = (pem: string) => new X509Certificate(pem).fingerprint256.replace(/:/g, '');

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'partner-cart-pfx-'));
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Partner Cart test CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'app.key', '-out', 'app.csr', '-subj', '/CN=partner-cart-app');
  openssl('x509', '-req', '-in', 'app.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'app.pem', '-days', '2');
  // What App Service writes for WEBSITE_LOAD_CERTIFICATES: no password (current OpenSSL: AES-256 and SHA-256).
  openssl('pkcs12', '-export', '-inkey', 'app.key', '-in', 'app.pem', '-certfile', 'ca.pem', '-out', 'app.pfx', '-passout', 'pass:');
  // What Windows and older exports write: 3DES with a SHA-1 MAC, here with a password.
  openssl('pkcs12', '-export', '-inkey', 'app.key', '-in', 'app.pem', '-out', 'app-3des.pfx', '-passout', 'pass:pfx-test-password',
    '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('Partner Center certificate from a PFX file', () => {
  it('reads the key and the chain, the certificate of the key first, from a password-less PFX', () => {
    const credential = resolveCertificate({ path: file('app.pfx') });
    const leaf = readFileSync(file('app.pem'), 'utf8');
    expect(credential.thumbprintSha256).toBe(thumbprint(leaf));
    expect(credential.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const chain = credential.x5c?.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    expect(chain.map(thumbprint)).toEqual([thumbprint(leaf), thumbprint(readFileSync(file('ca.pem'), 'utf8'))]);

    const signature = createSign('sha256').update('probe').sign(credential.privateKey);
    expect(createVerify('sha256').update('probe').verify(createPublicKey(leaf), signature)).toBe(true);
  });

  it('opens a 3DES PFX with PARTNER_CENTER_CERTIFICATE_PASSWORD, and names the variable without the password when it is wrong', () => {
    const credential = resolveCertificate({ path: file('app-3des.pfx'), password: 'pfx-test-password' });
    expect(credential.thumbprintSha256).toBe(thumbprint(readFileSync(file('app.pem'), 'utf8')));
    expect(() => resolveCertificate({ path: file('app-3des.pfx'), password: 'wrong-password' })).toThrow(
      `${file('app-3des.pfx')}: not a PFX file that opens with PARTNER_CENTER_CERTIFICATE_PASSWORD`,
    );
    expect(() => resolveCertificate({ path: file('app-3des.pfx'), password: 'wrong-password' })).not.toThrow(/wrong-password/);
  });

  it('signs the client assertion Entra ID receives with the PFX certificate', async () => {
    const tenantId = '8b1f7c3e-0000-4000-8000-000000000001';
    const entra = await startFakeEntra(tenantId);
    try {
      const provider = createClientCredentialsTokenProvider({
        tenantId, clientId: 'client-id', credential: { certificate: { path: file('app.pfx') } }, networkClient: entra.networkClient,
      });
      await expect(provider.getAccessToken()).resolves.toBe('access-token-1');
      const [header, payload, signature] = (entra.tokenRequests()[0]?.get('client_assertion') ?? '').split('.');
      const decoded = JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
      const leaf = readFileSync(file('app.pem'), 'utf8');
      expect(Buffer.from(String(decoded['x5t#S256']), 'base64url').toString('hex').toUpperCase()).toBe(thumbprint(leaf));
      // msal-node signs with PS256 (RSA-PSS, salt as long as the SHA-256 digest) when it sends x5t#S256.
      expect(decoded.alg).toBe('PS256');
      const key = { key: createPublicKey(leaf), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
      expect(createVerify('sha256').update(`${header}.${payload}`).verify(key, Buffer.from(signature ?? '', 'base64url'))).toBe(true);
    } finally {
      await entra.server.close();
    }
  });
});
