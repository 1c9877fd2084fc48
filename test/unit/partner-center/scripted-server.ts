import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny HTTP server on 127.0.0.1 that answers from a script. It stands in for the external Partner
 * Center service, so the client's real fetch, headers, timeouts and retries run unchanged.
 */
export interface ScriptedAnswer {
  status?: number;
  statusText?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  /** Destroy the socket without answering (a dropped connection). */
  drop?: boolean;
  /** Answer this much later (per-attempt timeout tests). */
  delayMs?: number;
}

export interface ReceivedCall {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Script = ScriptedAnswer[] | ((call: ReceivedCall, index: number) => ScriptedAnswer);

export interface ScriptedServer {
  baseUrl: string;
  calls: ReceivedCall[];
  close(): Promise<void>;
}

export async function startScriptedServer(script: Script): Promise<ScriptedServer> {
  const calls: ReceivedCall[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const call = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = calls.push(call) - 1;
      const answer = typeof script === 'function' ? script(call, index) : (script[index] ?? { status: 599, body: 'script exhausted' });
      const respond = (): void => {
        if (answer.drop) {
          req.socket.destroy();
          return;
        }
        const body = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        const contentType = typeof answer.body === 'string' ? 'text/plain' : 'application/json; charset=utf-8';
        res.writeHead(answer.status ?? 200, answer.statusText, { 'Content-Type': contentType, ...answer.headers });
        res.end(body);
      };
      if (!answer.delayMs) return respond();
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!req.socket.destroyed) respond();
      }, answer.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Time that only moves when the code under test sleeps: retries run instantly and waits are recorded. */
export function fakeRuntime(start = 1_700_000_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    advance: (ms: number) => {
      now += ms;
    },
    runtime: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
      random: () => 0.5,
    },
  };
}

export const testContext = { correlationId: '0e93c70c-977a-4a88-9580-7cf084c73286', locale: 'en-US' };

export function jsonBody(call: ReceivedCall): unknown {
  return call.body === '' ? undefined : JSON.parse(call.body);
}
