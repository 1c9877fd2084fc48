import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { flattenHeaders, readBody, writeJson } from '../http/wire';
import { answerEntra, type EntraDeps } from './entra-routes';

/** Serves one Entra ID request (form-encoded in, JSON out); never recorded, delayed or faulted by knobs. */
export async function serveEntra(deps: EntraDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const secure = (req.socket as Partial<TLSSocket>).encrypted === true;
  const origin = `${secure ? 'https' : 'http'}://${req.headers.host ?? '127.0.0.1'}`;
  const url = new URL(req.url ?? '/', origin);
  const answer = answerEntra(deps, {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    origin,
    headers: flattenHeaders(req),
    body: await readBody(req),
  });
  await deps.kept();
  writeJson(res, answer.status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, answer.body);
}
