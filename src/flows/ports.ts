import { z } from 'zod';

/**
 * What a flow knows about Teams: who acts, where, and how to post or update a card later.
 * Only src/teams/ imports botbuilder; flows see these plain types (docs/architecture.md, "Layers": the
 * Teams layer can be swapped for the Microsoft 365 Agents SDK).
 */

/** A person, keyed by Entra object id + tenant: MRIs (`29:…`) are per bot and not durable (docs/platform-notes.md, "Who the user is"). */
export const actorSchema = z.object({
  aadObjectId: z.string().min(1),
  tenantId: z.string(),
  name: z.string(),
  userId: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;

const conversationTypes = ['personal', 'groupChat', 'channel'] as const;

/**
 * Where a turn happened. `reference` is botbuilder's ConversationReference as stored JSON: flows keep it
 * and hand it back to the gateway; they never look inside.
 */
export const conversationSchema = z.object({
  id: z.string(),
  type: z.enum(conversationTypes),
  reference: z.record(z.string(), z.unknown()),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** An Adaptive Card as JSON, ready to attach. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export interface ConversationGateway {
  /** Posts a card; returns the new activity id so the card can be updated later. */
  post(conversation: Conversation, card: AdaptiveCard): Promise<string>;
  /** Replaces a posted card for everyone in the conversation. */
  update(conversation: Conversation, activityId: string, card: AdaptiveCard): Promise<void>;
  /**
   * Posts a card as a new thread in a channel the bot is installed in (RESULTS_CHANNEL_ID), reached
   * through the service endpoint and tenant of `via`. Returns the post and the channel conversation it
   * is in, through which it is updated later.
   */
  postToChannel(via: Conversation, channelId: string, card: AdaptiveCard): Promise<Post>;
}

/** A card the bot posted: where, and its activity id (what an update needs). */
export interface Post {
  conversation: Conversation;
  activityId: string;
}

/** What the Teams layer established about who sent a turn; the access gate (src/flows/access/) decides from it. */
interface Caller {
  /** The Bot Framework channel the activity came through: only `msteams` is served. */
  channelId: string;
  /** The tenant the activity carries: the conversation's (in a shared channel, the host's). */
  conversationTenantId: string;
  /**
   * The user's home tenant, from Teams' member lookup: in a shared channel the activity carries the host's
   * tenant, not the user's. Undefined when Teams does not know the user in this conversation.
   */
  homeTenantId?: string;
  /** Teams' `userRole`: `user`, `guest` (a B2B guest of the tenant) or `anonymous`. */
  userRole?: string;
}

interface TurnBase {
  actor: Actor;
  caller: Caller;
  conversation: Conversation;
  locale: string;
  /** The id of the card message that was clicked, when there is one. */
  replyToId?: string;
  /** The activity's own id: the same on a redelivery of the same click or message. */
  activityId?: string;
}

export interface CommandTurn extends TurnBase {
  kind: 'command';
  text: string;
}

export interface ActionTurn extends TurnBase {
  kind: 'action';
  verb: string;
  /** Untrusted: the action's data merged with the card's inputs. Parsed by the verb's schema. */
  data: unknown;
  via: 'execute' | 'submit';
}

export interface SearchTurn extends TurnBase {
  kind: 'search';
  dataset: string;
  queryText: string;
  /** Values of the card's other inputs (`associatedInputs: "auto"`), untrusted. */
  data: unknown;
}

export type Turn = CommandTurn | ActionTurn | SearchTurn;

/**
 * What a turn answers. `card` replaces the clicked card (or is posted, for a command); `notice` is a
 * short text message; `after` is slow work that runs once Teams has its answer (docs/architecture.md, rule 6) and
 * must talk to Teams only through the gateway.
 */
export interface TurnResult {
  card?: AdaptiveCard;
  /**
   * `clicker`: the card answers only the person who clicked (a refusal, a validation message) and must
   * not replace the shared message the others see. Default: everyone.
   */
  audience?: 'everyone' | 'clicker';
  notice?: string;
  after?: () => Promise<void>;
}

export interface SearchResult {
  title: string;
  value: string;
}

/** What the Teams layer calls for each turn (composed in turns/bot-turns.ts from the features, wrapped by handledOnce). */
export interface TurnHandlers {
  handle(turn: CommandTurn | ActionTurn): Promise<TurnResult>;
  search(turn: SearchTurn): Promise<SearchResult[]>;
  welcome(locale: string): AdaptiveCard;
  failure(locale: string): AdaptiveCard;
  noticeCard(locale: string, text: string): AdaptiveCard;
}
