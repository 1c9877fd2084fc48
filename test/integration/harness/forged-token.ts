import { createHmac } from 'node:crypto';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A well-formed JWT for the bot `appId`, signed with a key Microsoft never published and issued by `issuer`. */
export function forgedToken(appId: string, issuer: string): string {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ iss: issuer, aud: appId, serviceurl: 'http://127.0.0.1/', nbf: now - 60, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', 'not-microsofts-key').update(unsigned).digest('base64url')}`;
}
