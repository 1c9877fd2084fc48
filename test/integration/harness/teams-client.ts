import { randomUUID } from 'node:crypto';

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
  tenantId: string;
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

  async message(user: TeamsUser, conversation: TeamsConversation, text: string, locale = 'en-US'): Promise<number> {
    const response = await this.post(this.activity(user, conversation, { type: 'message', text, locale }));
    return response.status;
  }

  /** Action.Execute: an `adaptiveCard/action` invoke; the answer comes back in the HTTP response. */
  async execute(
    user: TeamsUser, conversation: TeamsConversation, replyToId: string, verb: string, data: Record<string, unknown>,
  ): Promise<{ status: number; body: { statusCode: number; type: string; value: Record<string, unknown> } }> {
    const response = await this.post(this.activity(user, conversation, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }));
    return { status: response.status, body: (await response.json()) as never };
  }

  /** Action.Submit: a message whose value is the action data merged with the inputs. */
  async submit(user: TeamsUser, conversation: TeamsConversation, replyToId: string, value: Record<string, unknown>): Promise<number> {
    const response = await this.post(this.activity(user, conversation, { type: 'message', replyToId, value }));
    return response.status;
  }

  private post(body: unknown): Promise<Response> {
    return fetch(this.botUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }
}
