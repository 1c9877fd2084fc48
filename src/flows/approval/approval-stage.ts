import type { ApprovalOutcome } from '../purchase/approval-schema';
import type { Purchase } from '../purchase/purchase';

export type ApprovalStage = 'awaiting' | ApprovalOutcome;

/** Where the purchase's latest approval request stands: open until an approver decides or the requester withdraws it. */
export function approvalStage(purchase: Purchase): ApprovalStage {
  return purchase.approval?.decision?.outcome ?? 'awaiting';
}

/** The request can still be decided: waiting, and this is the request the card was drawn for. */
export function isOpenRequest(purchase: Purchase, requestId: string): boolean {
  return purchase.status === 'awaiting_approval' && !purchase.approval?.decision && purchase.approval?.requestId === requestId;
}
