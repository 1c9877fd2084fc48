import type { IncomingMessage } from 'node:http';
import type restify from 'restify';

/** The Bot Framework posts JSON activities; Teams' own are far below this. */
const MAX_BODY_BYTES = 1024 * 1024;

type BodyOutcome = { ok: true; body: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * Reads a POST body as JSON into `req.body`, in memory only: any other content type is refused with 415
 * (restify's bodyParser would spool a multipart upload to the temp folder before anyone checks who sent
 * it), a body over `maxBytes` with 413, both before the Bot Framework looks at the token.
 */
export function jsonBodyOnly(maxBytes = MAX_BODY_BYTES): restify.RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' && req.method !== 'PUT' && req.method !== 'PATCH') return next();
    void readJson(req, maxBytes).then((outcome) => {
      if (outcome.ok) {
        req.body = outcome.body;
        return next();
      }
      // The rest of an oversized or refused body is not read: close the connection instead of draining it.
      res.setHeader('Connection', 'close');
      res.send(outcome.status, { error: { message: outcome.message } });
      return next(false);
    }, next);
  };
}

async function readJson(req: IncomingMessage, maxBytes: number): Promise<BodyOutcome> {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') return { ok: false, status: 415, message: 'Content-Type must be application/json' };
  const tooLarge: BodyOutcome = { ok: false, status: 413, message: `the body is larger than ${maxBytes} bytes` };
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge;
  const text = await readUpTo(req, maxBytes);
  if (text === undefined) return tooLarge;
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'the body is not valid JSON' };
  }
}

/** The body as text, or undefined as soon as it passes `maxBytes` (a chunked body declares no length). */
function readUpTo(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      // Stop buffering but keep the socket, so the 413 still reaches the client.
      req.off('data', onData);
      req.pause();
      resolve(undefined);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}
