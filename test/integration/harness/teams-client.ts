import { randomUUID } from 'node:crypto';
import { FakeConnector } from './fake-connector';

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
  /** The tenant the activity carries: the conversation's (in a shared channel, the host's). */
  tenantId: string;
  /** The user's own tenant when it is not the conversation's: someone from another organisation in a shared channel. */
  homeTenantId?: string;
  /** Teams' role of the user in the tenant; `guest` for a B2B guest. Default `user`. */
  userRole?: 'user' | 'guest' | 'anonymous';
}

export interface TeamsConversation {
  id: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  channelData?: Record<string, unknown>;
}

/** Sends activities to the bot's /api/messages exactly as Teams does (no auth header: local mode). */
export class TeamsClient {
  constructor(
    private readonly botUrl: string,
    private readonly serviceUrl: string,
  ) {}

  private activity(user: TeamsUser, conversation: TeamsConversation, extra: Record<string, unknown>) {
    // Whoever posts in a conversation is a member Teams' member lookup knows (the channel's id, without `;messageid=`).
    FakeConnector.at(this.serviceUrl)?.join(conversation.id.split(';')[0], {
      id: user.id, aadObjectId: user.aadObjectId, name: user.name, tenantId: user.homeTenantId ?? user.tenantId, userRole: user.userRole ?? 'user',
    });
    return {
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: (extra.locale as string | undefined) ?? 'en-US',
      from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name },
      recipient: { id: '28:partner-cart-bot', name: 'Partner Cart' },
      conversation: { id: conversation.id, conversationType: conversation.conversationType, tenantId: user.tenantId },
      channelData: { tenant: { id: user.tenantId }, ...(conversation.channelData ?? {}) },
      ...extra,
    };
  }

  /** `activityId`: send it again under the id of an earlier message, as Teams redelivers. */
  async message(user: TeamsUser, conversation: TeamsConversation, text: string, locale = 'en-US', activityId?: string): Promise<number> {
    const response = await this.post(this.activity(user, conversation, { type: 'message', text, locale, ...(activityId ? { id: activityId } : {}) }));
    return response.status;
  }

  /**
   * Action.Execute: an `adaptiveCard/action` invoke; the answer comes back in the HTTP response.
   * `activityId`: the id of an earlier click, to redeliver it as Teams does when its answer was slow or lost.
   */
  async execute(
    user: TeamsUser, conversation: TeamsConversation, replyToId: string, verb: string, data: Record<string, unknown>, activityId?: string,
  ): Promise<{ status: number; body: { statusCode: number; type: string; value: Record<string, unknown> } }> {
    const response = await this.post(this.activity(user, conversation, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      ...(activityId ? { id: activityId } : {}),
    }));
    return { status: response.status, body: (await response.json()) as never };
  }

  /**
   * The card's `refresh` as Teams sends it: an `adaptiveCard/action` invoke with the refresh action's verb
   * and data, `trigger: 'automatic'` when Teams refreshes by itself, 'manual' for "Refresh card".
   */
  async refresh(
    user: TeamsUser, conversation: TeamsConversation, replyToId: string, refresh: { verb: string; data: Record<string, unknown> },
    trigger: 'automatic' | 'manual' = 'automatic',
  ): Promise<{ status: number; body: { statusCode: number; type: string; value: Record<string, unknown> } }> {
    const response = await this.post(this.activity(user, conversation, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId,
      value: { action: { type: 'Action.Execute', verb: refresh.verb, data: refresh.data }, trigger },
    }));
    return { status: response.status, body: (await response.json()) as never };
  }

  /** Action.Submit: a message whose value is the action data merged with the inputs. */
  async submit(user: TeamsUser, conversation: TeamsConversation, replyToId: string, value: Record<string, unknown>): Promise<number> {
    const response = await this.post(this.activity(user, conversation, { type: 'message', replyToId, value }));
    return response.status;
  }

  /**
   * `application/search`, as Teams sends it when a rep types in an Input.ChoiceSet with `Data.Query`:
   * value {queryText, dataset, queryOptions{skip, top}, data = the card's other inputs}.
   */
  async search(
    user: TeamsUser, conversation: TeamsConversation, replyToId: string, value: Record<string, unknown>,
  ): Promise<{ status: number; body: unknown }> {
    return this.send(user, conversation, { type: 'invoke', name: 'application/search', replyToId, value });
  }

  /** Any activity with Teams' envelope fields filled in, `extra` overriding them: for shapes Teams should never send. */
  async send(
    user: TeamsUser, conversation: TeamsConversation, extra: Record<string, unknown>, headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown }> {
    return this.postRaw(JSON.stringify(this.activity(user, conversation, extra)), headers);
  }

  /** A request body sent byte for byte (it need not be JSON), with optional extra headers such as Authorization. */
  async postRaw(body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(this.botUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    const text = await response.text();
    return { status: response.status, body: parseIfJson(text) };
  }

  private post(body: unknown): Promise<Response> {
    return fetch(this.botUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }
}

function parseIfJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return text;
  }
}
