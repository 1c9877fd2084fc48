import { createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/**
 * A PKCS#12 (PFX) file as PEM: what Key Vault exports and App Service writes to /var/ssl/private when it
 * loads a certificate (WEBSITE_LOAD_CERTIFICATES). Node's crypto cannot read PKCS#12, hence node-forge.
 * The certificate whose key is in the file comes first, as msal-node takes the thumbprint from it.
 */
// eslint-disable-next-line import-x/no-unused-modules -- loaded lazily with require() in certificate.ts, which the rule does not follow
export function pemFromPfx(pfx: Buffer, origin: string, password = ''): string {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(pfx.toString('binary'))), password);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${origin}: not a PFX file that opens with ${password ? 'PARTNER_CENTER_CERTIFICATE_PASSWORD' : 'an empty password'} (${reason})`);
  }
  const { pkcs8ShroudedKeyBag, keyBag, certBag } = forge.pki.oids;
  const keys = [
    ...(p12.getBags({ bagType: pkcs8ShroudedKeyBag })[pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: keyBag })[keyBag] ?? []),
  ];
  const key = keys.find((bag) => bag.key)?.key;
  if (!key) throw new Error(`${origin}: the PFX holds no RSA private key`);
  // PKCS#8, the form msal-node documents for certificate credentials (forge writes PKCS#1).
  const signingKey = createPrivateKey(forge.pki.privateKeyToPem(key));
  const privateKey = signingKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const certificates = (p12.getBags({ bagType: certBag })[certBag] ?? [])
    .flatMap((bag) => (bag.cert ? [forge.pki.certificateToPem(bag.cert)] : []));
  const leafFirst = [...certificates].sort(
    (a, b) => Number(new X509Certificate(b).checkPrivateKey(signingKey)) - Number(new X509Certificate(a).checkPrivateKey(signingKey)),
  );
  return [privateKey, ...leafFirst].join('\n');
}
