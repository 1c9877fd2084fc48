import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  activityId?: string;
  body: Record<string, unknown>;
  /** When the request arrived, by the connector's clock (ms). */
  at: number;
}

/** Every request that reached the connector, including the ones it failed on purpose. */
interface ConnectorAttempt extends ConnectorCall {
  status: number;
}

/** A member of a conversation as Teams' member lookup returns it (TeamsChannelAccount). */
interface ConversationMember {
  id: string;
  aadObjectId: string;
  name: string;
  /** The user's home tenant: in a shared channel, not the conversation's. */
  tenantId: string;
  userRole: 'user' | 'guest' | 'anonymous';
}

/** Connectors running in this process, by service URL: a TeamsClient tells the one it talks through who is in a conversation. */
const running = new Map<string, FakeConnector>();

/** The next `count` matching requests are refused with `status` (and Retry-After when given). */
interface ConnectorFault {
  count: number;
  status: number;
  retryAfterSeconds?: number;
  method?: 'POST' | 'PUT' | 'DELETE';
  conversationId?: string;
  /** Only requests whose body contains this text (e.g. a card title). */
  bodyContains?: string;
}

/** Error codes the Bot Connector answers with (docs/platform-notes.md, "Rate limits and retries (Bot Connector)"). */
const ERROR_CODES: Record<number, string> = {
  412: 'PreconditionFailed',
  429: 'Throttled',
  500: 'ServiceError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/**
 * Stands in for the Bot Connector service Teams runs (outside this project): records what the bot
 * posts and updates, and answers like the real one (`{id}` for new activities). `failNext` makes it
 * refuse requests the way Teams does under load; a refused request changes nothing, as in Teams.
 */
export class FakeConnector {
  /** Requests that were accepted: what the conversation shows. */
  readonly calls: ConnectorCall[] = [];
  readonly attempts: ConnectorAttempt[] = [];
  /** Member lookups (GET …/members/{id}) the bot made: reads, so neither calls nor attempts. */
  readonly memberLookups: { conversationId: string; memberId: string }[] = [];
  private readonly members = new Map<string, ConversationMember>();
  private readonly faults: ConnectorFault[] = [];
  /** Conversations whose card updates (PUT) wait at the connector until the test lets them through. */
  private readonly heldUpdates = new Map<string, Promise<void>>();
  private readonly accepted = new EventEmitter();
  private readonly now: () => number;
  private server?: Server;
  private next = 1;
  serviceUrl = '';

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? (() => Date.now());
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req).then(({ status, body, headers }) => {
      // restify patches writeHead process-wide; writeHead and end separately (docs/platform-notes.md, "Tooling").
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    }));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
    running.set(this.serviceUrl, this);
  }

  /** The connector started in this process at `serviceUrl`, if any. */
  static at(serviceUrl: string): FakeConnector | undefined {
    return running.get(serviceUrl);
  }

  /** Makes `member` known in a conversation, as Teams knows everyone who can post in it. */
  join(conversationId: string, member: ConversationMember): void {
    this.members.set(memberKey(conversationId, member.id), member);
  }

  async stop(): Promise<void> {
    running.delete(this.serviceUrl);
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  failNext(fault: ConnectorFault): void {
    this.faults.push({ ...fault });
  }

  /**
   * Card updates (PUT) in `conversationId` get no answer until `release()`: a slow Bot Connector, to see
   * what the bot does before an update is through.
   */
  holdUpdates(conversationId: string): { release(): void } {
    let release = (): void => undefined;
    this.heldUpdates.set(conversationId, new Promise<void>((resolve) => (release = resolve)));
    return {
      release: () => {
        this.heldUpdates.delete(conversationId);
        release();
      },
    };
  }

  /** Faults still waiting for a request to match them. */
  get pendingFaults(): number {
    return this.faults.reduce((sum, fault) => sum + fault.count, 0);
  }

  /**
   * The first accepted request that `matches`, already made or as soon as it arrives: for sends from a
   * bot in another process or from background work, which the test has no other event for.
   */
  callMatching(matches: (call: ConnectorCall) => boolean, withinMs: number): Promise<ConnectorCall> {
    const made = this.calls.find(matches);
    if (made) return Promise.resolve(made);
    return new Promise((resolve, reject) => {
      const onCall = (call: ConnectorCall) => {
        if (!matches(call)) return;
        clearTimeout(timer);
        this.accepted.off('call', onCall);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.accepted.off('call', onCall);
        reject(new Error(`no matching request reached the connector within ${withinMs} ms`));
      }, withinMs);
      this.accepted.on('call', onCall);
    });
  }

  /** Cards the bot posted or updated in a conversation, newest last. */
  cardsIn(conversationId: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.conversationId === conversationId)
      .flatMap((c) => ((c.body.attachments as { content: Record<string, unknown> }[] | undefined) ?? []).map((a) => a.content));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const lookup = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && lookup) return this.memberLookup(decodeURIComponent(lookup[1]), decodeURIComponent(lookup[2]));
    const match = /^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/]+))?)?/.exec(req.url ?? '');
    if (!match) return { status: 404, body: { error: { code: 'NotFound', message: req.url } } };
    const call: ConnectorCall = {
      method: req.method ?? '',
      path: req.url ?? '',
      conversationId: decodeURIComponent(match[1]),
      activityId: match[2] ? decodeURIComponent(match[2]) : undefined,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      at: this.now(),
    };
    if (call.method === 'PUT') await this.heldUpdates.get(call.conversationId);
    const fault = this.takeFault(call);
    if (fault) {
      this.attempts.push({ ...call, status: fault.status });
      const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
      const code = ERROR_CODES[fault.status] ?? 'Error';
      return { status: fault.status, headers, body: { error: { code, message: `${code} (injected by the test)` } } };
    }
    const answer = call.method === 'POST' ? { status: 201, body: { id: `activity-${this.next++}` } } : { status: 200, body: { id: call.activityId } };
    this.attempts.push({ ...call, status: answer.status });
    this.calls.push(call);
    this.accepted.emit('call', call);
    return answer;
  }

  /** GET /v3/conversations/{id}/members/{memberId}: the member, or 404 as Teams answers for a stranger. */
  private memberLookup(conversationId: string, memberId: string): { status: number; body: unknown } {
    this.memberLookups.push({ conversationId, memberId });
    const member = this.members.get(memberKey(conversationId, memberId));
    if (member) return { status: 200, body: member };
    return { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'The member was not found in the conversation.' } } };
  }

  private takeFault(call: ConnectorCall): ConnectorFault | undefined {
    const fault = this.faults.find(
      (f) =>
        f.count > 0 &&
        (!f.method || f.method === call.method) &&
        (!f.conversationId || f.conversationId === call.conversationId) &&
        (!f.bodyContains || JSON.stringify(call.body).includes(f.bodyContains)),
    );
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }
}

function memberKey(conversationId: string, memberId: string): string {
  return JSON.stringify([conversationId, memberId]);
}
