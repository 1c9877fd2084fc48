import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Readiness } from './lifecycle/readiness';
import type { TurnGate } from './lifecycle/turn-gate';
import { jsonBodyOnly } from './json-body';
import type { PartnerCartBot } from './teams/partner-cart-bot';

/** How long a refused sender should wait: by then another instance (or this one restarted) takes the turn. */
const RETRY_AFTER_SECONDS = 5;

/**
 * restify: `POST /api/messages` for the Bot Framework; `GET /healthz` (the process answers) and
 * `GET /readyz` (it can serve turns) for probes.
 */
export function createServer(adapter: CloudAdapter, bot: PartnerCartBot, gate: TurnGate, readiness: Readiness): restify.Server {
  const server = restify.createServer({ name: 'partner-cart-bot' });
  // CloudAdapter.process answers 400 unless req.body is already an object; JSON only, in memory.
  server.use(jsonBodyOnly());
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  server.get('/readyz', async (_req, res) => {
    const report = await readiness.report();
    res.send(report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', ...report });
  });
  server.post('/api/messages', async (req, res) => {
    // botbuilder throws outside its own error handling on a body without a string `type` (a 500).
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || typeof (body as { type?: unknown }).type !== 'string') {
      res.send(400);
      return;
    }
    if (!gate.accepting) {
      res.header('Retry-After', String(RETRY_AFTER_SECONDS));
      res.send(503, { error: 'shutting down' });
      return;
    }
    await gate.track(() => adapter.process(req, res, (ctx) => bot.run(ctx)));
  });
  return server;
}

export function listen(server: restify.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
