import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { VerifiedToken } from '../auth/access-tokens';
import { appOnlyRefused } from '../auth/bearer-check';
import type { SandboxClock } from '../clock';
import { invalidInput, partnerCenterError, SandboxHttpError } from '../errors';
import type { SandboxKnobs } from '../knobs';
import type { RequestArrivals } from './arrivals';
import type { RequestRecord } from './request-record';
import { isFinalAnswer, RequestReplayCache } from './replay';
import { canonicalJson } from './request-keys';
import type { Router } from './router';
import type { SandboxRequest, SandboxResponse } from './types';
import { flattenHeaders, partnerCenterHeaders, readBody, writeJson } from './wire';

interface PipelineDeps {
  api: Router;
  control: Router;
  knobs: SandboxKnobs;
  clock: SandboxClock;
  requests: RequestRecord;
  /** Checks the bearer token of a /v1 call (401 when missing or invalid). */
  authenticate(authorization: string | undefined): VerifiedToken;
  arrivals: RequestArrivals;
  /**
   * Keeps the state after every /v1 call, before it is answered (a durable sandbox writes it to disk);
   * `mutating` for a call whose method may have changed a record in place.
   */
  persist(mutating: boolean): Promise<void>;
  /** Runs before every /v1 handler with the request's "now" (lazy provisioning). */
  settle(now: Date): void;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function toResponse(error: unknown): SandboxResponse {
  if (error instanceof SandboxHttpError) return { status: error.status, body: error.body, headers: error.headers };
  const detail = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { code: 800003, description: `Unexpected service error: ${detail}`, data: [], source: 'PartnerFD' } };
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

async function runWithReplay(
  replay: RequestReplayCache,
  request: SandboxRequest,
  run: () => Promise<SandboxResponse>,
): Promise<SandboxResponse> {
  const requestId = request.headers['ms-requestid'];
  if (!MUTATING.has(request.method) || !requestId) return run();
  const key = `${request.method} ${request.path.toLowerCase()} ${requestId.toLowerCase()}`;
  const fingerprint = canonicalJson(request.body ?? null);
  const found = replay.lookup(key, fingerprint);
  if (found.kind === 'repeat') return found.response;
  if (found.kind === 'conflict') {
    // Undocumented; a different body under a reused id is a client bug, so refuse rather than guess.
    return toResponse(
      partnerCenterError(409, 0, `MS-RequestId ${requestId} was already used for a different ${request.method} ${request.path}.`),
    );
  }
  const response = run();
  replay.remember(key, fingerprint, response);
  const settled = await response;
  if (!isFinalAnswer(settled)) replay.forget(key);
  return settled;
}

export function createRequestListener(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const replay = new RequestReplayCache();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const headers = flattenHeaders(req);
    const raw = await readBody(req);
    const parsed = parseJson(raw);
    const now = deps.clock.now();
    const isControl = /^\/_sandbox(\/|$)/.test(path);
    if (!isControl) deps.arrivals.arrived({ method, path });

    const dropConnection = (): void => {
      deps.requests.add({ method, path, query, headers, body: parsed.ok ? parsed.value : raw, status: 0 });
      req.socket.destroy();
    };
    if (!isControl && deps.knobs.takeDroppedConnection(path, 'before')) {
      dropConnection();
      return;
    }
    const held = isControl ? undefined : deps.knobs.takeHold(method, path);
    if (held) await held;

    let delayed = false;
    const processingDelay = async (): Promise<void> => {
      if (delayed) return;
      delayed = true;
      const ms = isControl ? 0 : deps.knobs.latencyMsFor(path);
      if (ms > 0) await sleep(ms);
    };

    let response: SandboxResponse;
    try {
      const fault = isControl ? undefined : deps.knobs.takeTransportFault(path);
      if (fault) throw fault;
      const versioned = /^\/v1(\/.*)?$/i.exec(path);
      const router = isControl ? deps.control : deps.api;
      const routePath = isControl ? path.replace(/^\/_sandbox/, '') : versioned ? (versioned[1] ?? '/') : undefined;
      if (routePath === undefined) throw partnerCenterError(404, 1000, 'Not found');
      const caller = isControl ? undefined : deps.authenticate(headers['authorization']);
      const match = router.match(method, routePath);
      if (match.appUserOnly && caller?.appOnly) throw appOnlyRefused();
      if (!parsed.ok) throw invalidInput('the request body is not valid JSON.');
      const request: SandboxRequest = {
        method, path, params: match.params, query, headers, body: parsed.value, now, processingDelay,
      };
      if (!isControl) deps.settle(now);
      response = await runWithReplay(replay, request, async () => {
        try {
          return await match.handler(request);
        } catch (error) {
          return toResponse(error);
        }
      });
    } catch (error) {
      response = toResponse(error);
    }
    await processingDelay();
    if (!isControl) await deps.persist(MUTATING.has(method));
    if (!isControl && deps.knobs.takeDroppedConnection(path, 'after')) {
      dropConnection();
      return;
    }
    writeJson(res, response.status, { ...partnerCenterHeaders(headers), ...response.headers }, response.body);
    if (!isControl) {
      deps.requests.add({ method, path, query, headers, body: parsed.ok ? parsed.value : raw, status: response.status });
    }
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => writeJson(res, 500, {}, toResponse(error).body));
  };
}
