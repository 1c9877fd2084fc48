import { describeAmounts } from '../../amounts-by-currency';
import type { Logger } from '../../logger';
import type { AuditLog } from '../../store/audit-log';
import type { AuditAction } from '../audit-actions';
import type { VersionedStorage } from '../../store/storage';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import { approvalPolicy, type ApprovalPolicy, type ApprovalPolicySettings } from '../purchase/approval-policy';
import { ApproverDirectory } from './approver-directory';
import { PendingApprovals } from './pending-approvals';

/** What approvals add to the cart's dependencies. */
export interface ApprovalSettings {
  policy: ApprovalPolicy;
  directory: ApproverDirectory;
  pending: PendingApprovals;
  /** For what is not a purchase transition: refused clicks and lost races. */
  audit: AuditLog<AuditAction>;
}

export type ApprovalDeps = PurchaseDeps & { approvals: ApprovalSettings };

export function approvalSettings(
  config: ApprovalPolicySettings,
  storage: VersionedStorage, audit: AuditLog<AuditAction>, log: Logger, now: () => Date,
): ApprovalSettings {
  const policy = approvalPolicy(config);
  if (policy.threshold !== undefined && policy.approverIds.size === 0) {
    log.warn({ threshold: describeAmounts(policy.threshold) }, 'APPROVAL_THRESHOLD is set but APPROVER_IDS is empty: approvals stay off');
  }
  return { policy, directory: new ApproverDirectory(storage, now), pending: new PendingApprovals(storage), audit };
}
