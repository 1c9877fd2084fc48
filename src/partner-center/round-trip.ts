import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

interface RoundTripAnswer {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** Decoded as UTF-8 without a leading byte order mark, as fetch's `text()` does. */
  bodyText: string;
}

export class RoundTripTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'RoundTripTimeout';
  }
}

const utf8 = new TextDecoder();

/**
 * One request and its whole answer through Node's http/https client. fetch (undici, with WHATWG streams,
 * Headers and Request objects around every call) cost about 1 ms of CPU per Partner Center call at 200
 * reps clicking at once. Node's default agents keep connections alive and close an idle one before the
 * server's `Keep-Alive: timeout` hint runs out, as fetch does, so a reused connection is not one the server
 * is closing. `timeoutMs` covers the whole answer, body included.
 */
export function roundTrip(url: URL, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<RoundTripAnswer> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, { method, headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      request.destroy();
    }, timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(timedOut ? new RoundTripTimeout(timeoutMs) : error);
    };
    request.on('error', fail);
    let answered = false;
    request.on('close', () => {
      if (!answered) fail(new Error('the connection closed before an answer arrived'));
    });
    request.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers: response.headers, bodyText: utf8.decode(Buffer.concat(chunks)) });
      });
      response.on('close', () => {
        if (!response.complete) fail(new Error('the connection closed before the whole answer arrived'));
      });
    });
    request.end(body);
  });
}
