import type { AdaptiveCard, Conversation, ConversationGateway } from './ports';

/** Replaces the card message that shows a flow, or posts a new one when there is none to replace. */
export async function replaceOrPost(
  gateway: ConversationGateway, conversation: Conversation, activityId: string | undefined, card: AdaptiveCard,
): Promise<void> {
  if (activityId) await gateway.update(conversation, activityId, card);
  else await gateway.post(conversation, card);
}
