import type { Conversation } from '../ports';

/**
 * The conversation of a post the gateway made with `postToChannel`: the channel's own id with the
 * service endpoint and tenant of `via`. Updating that post later goes through it (PUT
 * v3/conversations/{channel id}/activities/{id}, docs/platform-notes.md, "Proactive messages and channel posts"). The gateway builds the same
 * reference when it posts; it is rebuilt here because postToChannel returns only the activity id.
 */
export function channelConversation(via: Conversation, channelId: string): Conversation {
  const base = via.reference as { conversation?: { tenantId?: unknown } };
  const tenantId = typeof base.conversation?.tenantId === 'string' ? base.conversation.tenantId : undefined;
  return {
    id: channelId,
    type: 'channel',
    reference: { ...via.reference, conversation: { id: channelId, isGroup: true, conversationType: 'channel', tenantId, name: '' } },
  };
}
