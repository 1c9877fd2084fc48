import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Card = Record<string, unknown>;

interface ConnectorCard {
  sequence: number;
  method: string;
  activityId: string;
  card: Card;
  bytes: number;
}

/**
 * The Bot Connector side of Teams for the bench: answers sends (201 `{id}`) and updates (200) like the
 * test harness's FakeConnector, but keeps only the last few cards per conversation and signals each
 * arrival, so a rep can wait for the card a background checkout posts without polling and 1,000
 * conversations stay cheap.
 */
export class BenchConnector {
  private server?: Server;
  private nextId = 1;
  private sequence = 0;
  private readonly recent = new Map<string, ConnectorCard[]>();
  private readonly arrivals = new EventEmitter();
  readonly counts = { posts: 0, updates: 0 };
  largestCard = { bytes: 0, conversationId: '' };
  serviceUrl = '';

  async start(): Promise<void> {
    this.arrivals.setMaxListeners(0);
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    // Node's 5 s default closes idle keep-alive sockets under the bot's HTTP client ("socket hang up");
    // the real Bot Connector keeps them open far longer.
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  /** Where the conversation's history stands now: cards after this mark are new. */
  mark(): number {
    return this.sequence;
  }

  latest(conversationId: string): ConnectorCard | undefined {
    const cards = this.recent.get(conversationId);
    return cards?.[cards.length - 1];
  }

  /** The first card after `mark` that `accept`s, as soon as it arrives; rejects after `timeoutMs`. */
  waitFor(conversationId: string, mark: number, accept: (card: Card) => boolean, timeoutMs: number): Promise<ConnectorCard> {
    const found = (this.recent.get(conversationId) ?? []).find((c) => c.sequence > mark && accept(c.card));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onCard = (card: ConnectorCard) => {
        if (card.sequence <= mark || !accept(card.card)) return;
        clearTimeout(timer);
        this.arrivals.off(conversationId, onCard);
        resolve(card);
      };
      const timer = setTimeout(() => {
        this.arrivals.off(conversationId, onCard);
        reject(new Error(`no matching card in ${conversationId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.arrivals.on(conversationId, onCard);
    });
  }

  forget(conversationId: string): void {
    this.recent.delete(conversationId);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const lookup = /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)$/.exec(req.url ?? '');
    // Every bench rep (purchase-driver.ts) is a user of the partner's tenant, as Teams' member lookup would say.
    if (req.method === 'GET' && lookup) return { status: 200, body: { id: decodeURIComponent(lookup[1]!), tenantId: 'partner-tenant', userRole: 'user' } };
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?/.exec(req.url ?? '');
    if (!match) return { status: 404, body: { error: { code: 'NotFound', message: req.url } } };
    const conversationId = decodeURIComponent(match[1]);
    const isUpdate = req.method === 'PUT';
    const activityId = isUpdate && match[2] ? decodeURIComponent(match[2]) : `activity-${this.nextId++}`;
    if (isUpdate) this.counts.updates += 1;
    else this.counts.posts += 1;
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { attachments?: { content: Card }[] };
    for (const attachment of body.attachments ?? []) this.remember(conversationId, req.method ?? '', activityId, attachment.content);
    return isUpdate ? { status: 200, body: { id: activityId } } : { status: 201, body: { id: activityId } };
  }

  private remember(conversationId: string, method: string, activityId: string, card: Card): void {
    const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
    if (bytes > this.largestCard.bytes) this.largestCard = { bytes, conversationId };
    const entry: ConnectorCard = { sequence: ++this.sequence, method, activityId, card, bytes };
    const cards = this.recent.get(conversationId) ?? [];
    cards.push(entry);
    if (cards.length > 4) cards.shift();
    this.recent.set(conversationId, cards);
    this.arrivals.emit(conversationId, entry);
  }
}
