import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { TtlCache } from '../ttl-cache';

/** What Teams' member lookup says about a user (TeamsChannelAccount): the home tenant and the role. */
interface Membership {
  tenantId?: string;
  userRole?: string;
}

/** The part of botbuilder's ConnectorClient (kept in the turn state) this uses. */
interface MemberLookupClient {
  conversations: { getConversationMember(conversationId: string, memberId: string): Promise<unknown> };
}

const membershipSchema = z.looseObject({ tenantId: z.string().optional(), userRole: z.string().optional() });

/** A user's tenant or guest status changes rarely; a few minutes keeps one lookup per user per working session. */
const MEMBERSHIP_TTL_MS = 5 * 60_000;
const MAX_CACHED_MEMBERS = 5000;

/**
 * The user's home tenant and role, from the Bot Connector's member lookup
 * (GET /v3/conversations/{conversationId}/members/{userId}). In a shared channel the activity's
 * `conversation.tenantId` is the host's and says nothing about a user from another organisation; the
 * member lookup returns the user's own `tenantId` (and `userRole: guest` for a B2B guest). Cached briefly
 * per conversation and user; never taken from anything the user sent.
 */
export class MemberDirectory {
  private readonly cache: TtlCache<Membership | undefined>;

  constructor(now?: () => number) {
    this.cache = new TtlCache({ ttlMs: MEMBERSHIP_TTL_MS, maxEntries: MAX_CACHED_MEMBERS, now });
  }

  /** Undefined when Teams does not know the user in this conversation (404/403); other failures throw. */
  async lookup(ctx: TurnContext): Promise<Membership | undefined> {
    const conversationId = lookupConversationId(ctx);
    const userId = ctx.activity.from?.id ?? '';
    const key = JSON.stringify([conversationId, userId]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const client = ctx.turnState.get<MemberLookupClient>(ctx.adapter.ConnectorClientKey);
    try {
      const member = membershipSchema.parse(await client.conversations.getConversationMember(conversationId, userId));
      const membership = { tenantId: member.tenantId, userRole: member.userRole };
      this.cache.set(key, membership);
      return membership;
    } catch (error) {
      if (isNotAMember(error)) return undefined;
      throw error;
    }
  }
}

/** A channel message's conversation id carries `;messageid=…`, which is not part of the channel's id. */
function lookupConversationId(ctx: TurnContext): string {
  return (ctx.activity.conversation?.id ?? '').split(';')[0];
}

function isNotAMember(error: unknown): boolean {
  const status = (error as { statusCode?: unknown }).statusCode;
  return status === 404 || status === 403;
}
