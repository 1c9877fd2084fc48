import { generate } from 'selfsigned';

export interface TlsCertificate {
  key: string;
  cert: string;
}

const VALIDITY_YEARS = 10;

/**
 * A self-signed certificate for 127.0.0.1 / ::1 / localhost, so msal-node can reach the sandbox's Entra ID
 * routes over https. Bot processes trust it through NODE_EXTRA_CA_CERTS; in-process callers pass it as
 * the CA of their own connection.
 */
export async function createTlsCertificate(now: Date): Promise<TlsCertificate> {
  const notAfterDate = new Date(now.getTime());
  notAfterDate.setUTCFullYear(notAfterDate.getUTCFullYear() + VALIDITY_YEARS);
  const pems = await generate([{ name: 'commonName', value: 'Partner Center sandbox (127.0.0.1)' }], {
    keyType: 'ec',
    curve: 'P-256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
