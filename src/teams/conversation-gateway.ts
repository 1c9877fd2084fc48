import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { AdaptiveCard, Conversation, ConversationGateway, Post } from '../flows/ports';
import { cardActivity } from './cards';

/**
 * Posts and updates cards outside a turn (after checkout, for announcements) through
 * `continueConversationAsync`: a TurnContext is revoked when its turn ends (docs/platform-notes.md, "Proactive messages and channel posts").
 * Queueing, Teams' rate limit and retries are the adapter's OutboundTrafficMiddleware's job.
 */
export class BotConversationGateway implements ConversationGateway {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async post(conversation: Conversation, card: AdaptiveCard): Promise<string> {
    return this.send(conversation.reference as Partial<ConversationReference>, card);
  }

  async update(conversation: Conversation, activityId: string, card: AdaptiveCard): Promise<void> {
    await this.continueWith(conversation.reference as Partial<ConversationReference>, async (ctx) => {
      await ctx.updateActivity({ ...cardActivity(card), id: activityId });
    });
  }

  /**
   * Posting to a channel's conversation id starts a new thread in that channel; the post is updated later
   * through the same channel reference (PUT v3/conversations/{channel id}/activities/{id},
   * docs/platform-notes.md, "Proactive messages and channel posts").
   */
  async postToChannel(via: Conversation, channelId: string, card: AdaptiveCard): Promise<Post> {
    const base = via.reference as Partial<ConversationReference>;
    const reference = { ...base, conversation: { id: channelId, isGroup: true, conversationType: 'channel', tenantId: base.conversation?.tenantId, name: '' } };
    const activityId = await this.send(reference, card);
    return { conversation: { id: channelId, type: 'channel', reference }, activityId };
  }

  private async send(reference: Partial<ConversationReference>, card: AdaptiveCard): Promise<string> {
    return this.continueWith(reference, async (ctx) => {
      const response = await ctx.sendActivity(cardActivity(card));
      return response?.id ?? '';
    });
  }

  /**
   * The adapter hands an error inside `continueConversationAsync` to onTurnError, which swallows it:
   * kept here and rethrown, so a caller learns that its card was not posted or updated.
   */
  private async continueWith<T>(reference: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<T>): Promise<T> {
    const outcome: { value?: T; error?: unknown; finished: boolean } = { finished: false };
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (ctx) => {
      try {
        outcome.value = await logic(ctx);
        outcome.finished = true;
      } catch (error) {
        outcome.error = error;
      }
    });
    if (!outcome.finished) throw outcome.error ?? new Error('the proactive turn did not run');
    return outcome.value as T;
  }
}
