import type { AccessLevel } from '../feature';
import type { Turn } from '../ports';

export type Refusal = 'channel' | 'identity' | 'tenant' | 'guest' | 'not_rep' | 'not_admin';

/** ALLOWED_TENANT_IDS, REP_IDS and APPROVER_IDS, lower-cased: Teams sends ids lower-case, admins paste any case. */
export interface AccessRules {
  allowedTenantIds: ReadonlySet<string>;
  /** Undefined: every user of an allowed tenant may buy. */
  repIds?: ReadonlySet<string>;
  approverIds: ReadonlySet<string>;
}

export function accessRules(settings: { allowedTenantIds: readonly string[]; repIds?: readonly string[]; approverIds: readonly string[] }): AccessRules {
  const lower = (ids: readonly string[]) => new Set(ids.map((id) => id.toLowerCase()));
  return { allowedTenantIds: lower(settings.allowedTenantIds), repIds: settings.repIds && lower(settings.repIds), approverIds: lower(settings.approverIds) };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isEntraObjectId(value: string): boolean {
  return GUID.test(value);
}

/**
 * Why this turn may not do what `level` needs, or undefined when it may. Everything comes from the
 * activity and Teams' member lookup, never from card data.
 */
export function refusalFor(rules: AccessRules, turn: Turn, level: AccessLevel): Refusal | undefined {
  if (turn.caller.channelId !== 'msteams') return 'channel';
  if (!isEntraObjectId(turn.actor.aadObjectId)) return 'identity';
  const person = turn.actor.aadObjectId.toLowerCase();
  if (level === 'approve' && rules.approverIds.has(person)) return undefined;
  const home = turn.caller.homeTenantId?.toLowerCase();
  if (!home || !rules.allowedTenantIds.has(home)) return 'tenant';
  // A B2B guest's account lives in the partner's tenant, so only the role tells it apart from staff.
  if (turn.caller.userRole !== undefined && turn.caller.userRole !== 'user') return 'guest';
  if ((level === 'buy' || level === 'admin') && rules.repIds && !rules.repIds.has(person)) return 'not_rep';
  // The partner's approvers are the people it trusts with its spending and its audit trail: the admins.
  if (level === 'admin' && !rules.approverIds.has(person)) return 'not_admin';
  return undefined;
}
