import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';

/** What msal-node needs to sign a client assertion with a certificate. */
interface CertificateCredential {
  thumbprintSha256: string;
  privateKey: string;
  /** Public certificate chain (PEM); sending it enables subject-name/issuer authentication. */
  x5c?: string;
}

export type CertificateSource =
  | CertificateCredential
  /**
   * A PEM file holding both the private key and the certificate, or a PFX (PKCS#12) file with both,
   * opened with `password` (PARTNER_CENTER_CERTIFICATE_PATH, PARTNER_CENTER_CERTIFICATE_PASSWORD).
   */
  | { path: string; password?: string };

const PRIVATE_KEY_PEM = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;
const CERTIFICATE_PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function resolveCertificate(source: CertificateSource): CertificateCredential {
  if (!('path' in source)) return source;
  const content = readFileSync(source.path);
  const pem = content.includes('-----BEGIN') ? content.toString('utf8') : pemFromPfxFile(content, source.path, source.password);
  return certificateFromPem(pem, source.path);
}

/** node-forge (PKCS#12) is loaded only for a PFX file: a bot with a client secret or a PEM file never needs it. */
function pemFromPfxFile(content: Buffer, origin: string, password: string | undefined): string {
  const { pemFromPfx } = require('./pfx') as typeof import('./pfx');
  return pemFromPfx(content, origin, password);
}

/** The thumbprint is computed from the first certificate, so the file is the only thing to configure. */
export function certificateFromPem(pem: string, origin: string): CertificateCredential {
  const privateKey = PRIVATE_KEY_PEM.exec(pem)?.[0];
  const certificates = pem.match(CERTIFICATE_PEM) ?? [];
  const [leaf] = certificates;
  if (!privateKey || !leaf) {
    throw new Error(`${origin}: expected a PEM file with a private key and a certificate`);
  }
  const thumbprintSha256 = new X509Certificate(leaf).fingerprint256.replace(/:/g, '');
  return { thumbprintSha256, privateKey, x5c: certificates.join('\n') };
}
