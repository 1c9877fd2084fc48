import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import { jsonBodyOnly } from './json-body';
import type { PartnerCartBot } from './teams/partner-cart-bot';

/** restify: `POST /api/messages` for the Bot Framework, `GET /healthz` for probes. */
export function createServer(adapter: CloudAdapter, bot: PartnerCartBot): restify.Server {
  const server = restify.createServer({ name: 'partner-cart-bot' });
  // CloudAdapter.process answers 400 unless req.body is already an object; JSON only, in memory.
  server.use(jsonBodyOnly());
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  server.post('/api/messages', async (req, res) => {
    // botbuilder throws outside its own error handling on a body without a string `type` (a 500).
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || typeof (body as { type?: unknown }).type !== 'string') {
      res.send(400);
      return;
    }
    await adapter.process(req, res, (ctx) => bot.run(ctx));
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
