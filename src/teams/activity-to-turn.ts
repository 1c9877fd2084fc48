import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Actor, Conversation, Turn } from '../flows/ports';

const submitValueSchema = z.looseObject({ verb: z.string().min(1).max(64) });
const executeValueSchema = z.looseObject({
  action: z.looseObject({ type: z.string().optional(), verb: z.string().min(1).max(64), data: z.unknown().optional() }),
  trigger: z.string().optional(),
});
const searchValueSchema = z.looseObject({
  queryText: z.string().max(256),
  dataset: z.string().max(64).default(''),
  data: z.unknown().optional(),
});

/**
 * Turns a Teams activity into the typed request flows understand, or undefined when the bot has
 * nothing to do with it. Identity comes from the activity, never from card data (docs/architecture.md, rule 2).
 */
export function activityToTurn(activity: Activity): Turn | undefined {
  const actor = actorOf(activity);
  const base = {
    actor,
    caller: { channelId: activity.channelId ?? '', conversationTenantId: actor.tenantId },
    conversation: conversationOf(activity),
    locale: activity.locale ?? 'en-US',
    replyToId: activity.replyToId,
    activityId: activity.id,
  };
  if (activity.type === 'message') {
    // An Action.Submit arrives as a message whose `value` is the action data merged with the inputs.
    if (activity.value !== undefined && activity.value !== null) {
      const submitted = submitValueSchema.safeParse(activity.value);
      if (!submitted.success) return undefined;
      return { ...base, kind: 'action', verb: submitted.data.verb, data: activity.value, via: 'submit' };
    }
    const text = stripMention(activity);
    return text ? { ...base, kind: 'command', text } : undefined;
  }
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const executed = executeValueSchema.safeParse(activity.value);
    if (!executed.success) return undefined;
    return { ...base, kind: 'action', verb: executed.data.action.verb, data: executed.data.action.data ?? {}, via: 'execute' };
  }
  if (activity.type === 'invoke' && activity.name === 'application/search') {
    const search = searchValueSchema.safeParse(activity.value);
    if (!search.success) return undefined;
    return { ...base, kind: 'search', dataset: search.data.dataset, queryText: search.data.queryText, data: search.data.data ?? {} };
  }
  return undefined;
}

/**
 * How an `adaptiveCard/action` invoke was started: 'automatic' is Teams refreshing a card by itself (the
 * card's `refresh` with the user in `userIds`), 'manual' a click or "Refresh card". botbuilder's parsed
 * invoke value drops `trigger` (docs/platform-notes.md, "Universal Actions (`Action.Execute`) and card refresh"), so it is read from the activity here.
 */
export function invokeTrigger(activity: Activity): 'automatic' | 'manual' | undefined {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return undefined;
  const executed = executeValueSchema.safeParse(activity.value);
  const trigger = executed.success ? executed.data.trigger : undefined;
  return trigger === 'automatic' || trigger === 'manual' ? trigger : undefined;
}

function stripMention(activity: Activity): string {
  // In channels and group chats the bot only hears messages that @mention it; drop the mention text.
  const withoutMention = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  return withoutMention.replace(/<at>[^<]*<\/at>/g, '').trim();
}

/** No fallback to `from.id`: that is a per-bot Teams id (or anything a non-Teams channel makes up), not a person. */
function actorOf(activity: Activity): Actor {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
  return {
    aadObjectId: activity.from?.aadObjectId ?? '',
    tenantId: activity.conversation?.tenantId ?? channelData.tenant?.id ?? '',
    name: activity.from?.name ?? '',
    userId: activity.from?.id ?? '',
  };
}

function conversationOf(activity: Activity): Conversation {
  const type = activity.conversation?.conversationType;
  const reference: Partial<ConversationReference> = TurnContext.getConversationReference(activity);
  return {
    id: activity.conversation?.id ?? '',
    type: type === 'channel' || type === 'groupChat' ? type : 'personal',
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
  };
}
