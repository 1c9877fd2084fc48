import type { AuditLog } from '../../store/audit-log';
import type { AuditAction } from '../audit-actions';
import type { AuditSink } from './purchase-repository';
import { partnerCenterCart } from './purchase';

/** Files every purchase transition in the append-only audit log (who, tenant, when, what, outcome). */
export function auditLogSink(log: AuditLog<AuditAction>): AuditSink {
  return ({ action, actor, purchase, outcome, details }) => {
    const orderIds = (purchase.checkout?.result?.orders ?? []).flatMap((o) => (o.id ? [o.id] : []));
    return log.writesFor({
      actor: { aadObjectId: actor.aadObjectId, tenantId: actor.tenantId || 'unknown', name: actor.name || undefined },
      action,
      purchaseId: purchase.id,
      customerId: purchase.customer?.id,
      cartId: partnerCenterCart(purchase)?.id ?? undefined,
      orderIds: orderIds.length > 0 ? orderIds : undefined,
      outcome: purchase.status === 'failed' ? 'failed' : 'succeeded',
      correlationId: purchase.correlationId,
      details: { status: outcome, ...details },
    }).writes;
  };
}
