import { t } from '../../i18n/translate';
import { approvalPolicy, isApprover } from '../purchase/approval-policy';
import { noticeCard } from '../views/notice-card';
import type { CommandTurn, TurnResult } from '../ports';
import type { AuditDeps } from './audit-feature';
import { auditTrailCard } from './audit-card';
import { auditSubjectIdSchema, recordsAbout } from './audit-lookup';

/**
 * Who may read is decided by the activity's aadObjectId against APPROVER_IDS, nothing else. The trail
 * names people, tenants and orders, so it is shown only in a personal chat, where the approver alone sees it.
 */
export async function showAuditTrail(deps: AuditDeps, turn: CommandTurn, argument: string): Promise<TurnResult> {
  const { actor, locale } = turn;
  if (!isApprover(approvalPolicy({ approverIds: deps.approverIds }), actor)) {
    deps.log.warn({ actor: actor.aadObjectId, tenant: actor.tenantId }, 'refused: audit trail asked for by a non-approver');
    return { card: noticeCard(t(locale, 'audit.denied.title'), t(locale, 'audit.denied.text')) };
  }
  if (turn.conversation.type !== 'personal') {
    return { card: noticeCard(t(locale, 'audit.personalOnly.title'), t(locale, 'audit.personalOnly.text')) };
  }
  const id = auditSubjectIdSchema.safeParse(argument);
  if (!id.success) return { card: noticeCard(t(locale, 'audit.usage.title'), t(locale, 'audit.usage.text')) };
  const records = await recordsAbout(deps.audit, id.data);
  if (records.length === 0) return { card: noticeCard(t(locale, 'audit.none.title'), t(locale, 'audit.none.text', { id: id.data })) };
  return { card: auditTrailCard(locale, id.data, records) };
}
