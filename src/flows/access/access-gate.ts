import type { MessageKey } from '../../i18n/catalogs';
import { t } from '../../i18n/translate';
import type { Logger } from '../../logger';
import { ACCESS_REFUSED, type AuditLog } from '../../store/audit-log';
import type { AuditAction } from '../audit-actions';
import { noticeCard } from '../views/notice-card';
import type { LimitedUse } from '../limits/usage-limits';
import type { Turn, TurnResult } from '../ports';
import type { AccessLevel } from '../feature';
import { isEntraObjectId, refusalFor, type AccessRules, type Refusal } from './access-rules';

const REFUSAL_TEXT: Record<Refusal, MessageKey> = {
  channel: 'access.refused.channel',
  identity: 'access.refused.channel',
  tenant: 'access.refused.tenant',
  guest: 'access.refused.guest',
  not_rep: 'access.refused.notRep',
  not_admin: 'access.refused.notAdmin',
};

/** Longest piece of a refused request kept in its audit record: enough to recognise it, not a storage sink. */
const MAX_RECORDED_LENGTH = 64;

/**
 * Turns away whoever may not do what a turn asks before any flow runs: no Partner Center call, nothing
 * written to the purchase store. Each refusal is an audit record (filed under its actor) and a polite card
 * in the user's language.
 */
export class AccessGate {
  constructor(
    private readonly rules: AccessRules,
    private readonly audit: AuditLog<AuditAction>,
    private readonly log: Logger,
  ) {}

  /** Whether the turn may do what `level` needs; nothing is recorded (the help card lists what the asker may use). */
  allows(turn: Turn, level: AccessLevel): boolean {
    return refusalFor(this.rules, turn, level) === undefined;
  }

  /** Undefined when the turn may go on; otherwise the refusal card, already audited. */
  async check(turn: Turn, level: AccessLevel): Promise<TurnResult | undefined> {
    const reason = refusalFor(this.rules, turn, level);
    if (!reason) return undefined;
    await this.record(turn, { reason, level });
    return { card: noticeCard(t(turn.locale, 'access.refused.title'), t(turn.locale, REFUSAL_TEXT[reason])), audience: 'clicker' };
  }

  /** A per-user limit ran dry (see UsageLimits): filed once per episode, not once per request of a flood. */
  async slowedDown(turn: Turn, use: LimitedUse): Promise<void> {
    await this.record(turn, { reason: 'slow_down', use });
  }

  private async record(turn: Turn, why: { reason: Refusal | 'slow_down'; level?: AccessLevel; use?: LimitedUse }): Promise<void> {
    const person = isEntraObjectId(turn.actor.aadObjectId) ? turn.actor.aadObjectId.toLowerCase() : 'none';
    const details = {
      ...why,
      attempted: clip(attempted(turn)),
      channelId: clip(turn.caller.channelId),
      homeTenantId: turn.caller.homeTenantId === undefined ? undefined : clip(turn.caller.homeTenantId),
      userRole: turn.caller.userRole === undefined ? undefined : clip(turn.caller.userRole),
      conversationTenantId: clip(turn.caller.conversationTenantId),
      conversationType: turn.conversation.type,
      fromId: clip(turn.actor.userId),
    };
    await this.audit.append({
      actor: { aadObjectId: person, tenantId: clip(turn.actor.tenantId) || 'unknown', name: clip(turn.actor.name) || undefined },
      action: ACCESS_REFUSED,
      outcome: 'denied',
      details,
    });
    this.log.warn(details, why.reason === 'slow_down' ? 'slowed down: per-user limit reached' : 'refused: not allowed to use Partner Cart for this');
  }
}

function attempted(turn: Turn): string {
  if (turn.kind === 'command') return turn.text.split(/\s+/, 2).join(' ');
  if (turn.kind === 'action') return turn.verb;
  return `search ${turn.dataset}`;
}

function clip(value: string): string {
  return value.slice(0, MAX_RECORDED_LENGTH);
}
