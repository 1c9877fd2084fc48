import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTlsCertificate, type TlsCertificate } from '../tls-certificate';

export const CERTIFICATE_FILE = 'tls-certificate.pem';
const KEY_FILE = 'tls-key.pem';
const SIGNING_KEY_FILE = 'token-signing-key';

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The sandbox's certificate and token-signing key, kept in its data folder so that after a restart
 * bots still trust it (NODE_EXTRA_CA_CERTS names the same file) and the tokens they cached stay valid.
 * Both are private to this sandbox and written owner-only.
 */
export async function loadOrCreateSecrets(dataDir: string, now: Date): Promise<{ tls: TlsCertificate; signingKey: Buffer }> {
  mkdirSync(dataDir, { recursive: true });
  const certFile = path.join(dataDir, CERTIFICATE_FILE);
  const keyFile = path.join(dataDir, KEY_FILE);
  const signingKeyFile = path.join(dataDir, SIGNING_KEY_FILE);
  let cert = readIfThere(certFile);
  let key = readIfThere(keyFile);
  if (!cert || !key) {
    ({ cert, key } = await createTlsCertificate(now));
    writeFileSync(keyFile, key, { mode: 0o600 });
    writeFileSync(certFile, cert);
  }
  let signingKey = readIfThere(signingKeyFile);
  if (!signingKey) {
    signingKey = randomBytes(32).toString('base64');
    writeFileSync(signingKeyFile, signingKey, { mode: 0o600 });
  }
  return { tls: { cert, key }, signingKey: Buffer.from(signingKey.trim(), 'base64') };
}
