import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  activityId?: string;
  body: Record<string, unknown>;
}

/**
 * Stands in for the Bot Connector service Teams runs (outside this project): records what the bot
 * posts and updates, and answers like the real one (`{id}` for new activities).
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server?: Server;
  private next = 1;
  serviceUrl = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req).then(({ status, body }) => {
      // restify patches writeHead process-wide; writeHead and end separately (toolchain.md).
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    }));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Cards the bot posted or updated in a conversation, newest last. */
  cardsIn(conversationId: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.conversationId === conversationId)
      .flatMap((c) => ((c.body.attachments as { content: Record<string, unknown> }[] | undefined) ?? []).map((a) => a.content));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const match = /^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/]+))?)?/.exec(req.url ?? '');
    if (!match) return { status: 404, body: { error: { code: 'NotFound', message: req.url } } };
    const call: ConnectorCall = {
      method: req.method ?? '',
      path: req.url ?? '',
      conversationId: decodeURIComponent(match[1]),
      activityId: match[2] ? decodeURIComponent(match[2]) : undefined,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
    this.calls.push(call);
    if (call.method === 'PUT') return { status: 200, body: { id: call.activityId } };
    return { status: 201, body: { id: `activity-${this.next++}` } };
  }
}
