import type { AuditOutcome } from '../../store/audit-log';
import type { AuditAction } from '../audit-actions';
import { partnerCenterCart, type Purchase } from '../purchase/purchase';
import type { Actor } from '../ports';
import type { ApprovalDeps } from './approval-deps';

/**
 * Audit records for approval attempts that change nothing (a refused click, a lost race): purchase
 * transitions are recorded by PurchaseRepository.save, these are not transitions.
 */
export async function recordAttempt(
  deps: ApprovalDeps, actor: Actor, purchase: Purchase, action: AuditAction, outcome: AuditOutcome, details: Record<string, unknown>,
): Promise<void> {
  await deps.approvals.audit.append({
    actor: { aadObjectId: actor.aadObjectId, tenantId: actor.tenantId || 'unknown', name: actor.name || undefined },
    action,
    purchaseId: purchase.id,
    customerId: purchase.customer?.id,
    cartId: partnerCenterCart(purchase)?.id ?? undefined,
    outcome,
    correlationId: purchase.correlationId,
    details: { requestId: purchase.approval?.requestId, actorTenantId: actor.tenantId, ...details },
  });
}
