import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Header names lower-cased; repeated headers joined with ", " as HTTP allows. */
export function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** The response headers every Partner Center answer carries (create-a-cart.md response example). */
export function partnerCenterHeaders(requestHeaders: Record<string, string>): Record<string, string> {
  const locale = requestHeaders['x-locale'] ?? 'en-US';
  return {
    'Content-Type': 'application/json; charset=utf-8',
    'MS-RequestId': requestHeaders['ms-requestid'] ?? randomUUID(),
    'MS-CorrelationId': requestHeaders['ms-correlationid'] ?? randomUUID(),
    'MS-CV': `${randomBytes(12).toString('base64')}.0`,
    'MS-ServerId': '000001',
    'X-Locale': `${locale},${locale}`,
  };
}

/**
 * writeHead and end are separate calls on purpose: restify patches ServerResponse.prototype.writeHead
 * process-wide, and a combined call misbehaves when the bot runs in the same process (docs/platform-notes.md, "Tooling").
 */
export function writeJson(response: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  if (response.destroyed) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
  response.end(text);
}
