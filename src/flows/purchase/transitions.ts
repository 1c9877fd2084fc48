import type { PurchaseStatus } from './purchase';

/** The allowed moves of the purchase state machine; anything else is a bug or a stale card. */
const ALLOWED: Record<PurchaseStatus, readonly PurchaseStatus[]> = {
  draft: ['draft', 'priced', 'cancelled'],
  priced: ['draft', 'priced', 'awaiting_approval', 'checking_out', 'expired', 'cancelled'],
  // awaiting_approval → awaiting_approval records where the approval card was posted; → priced is a
  // rejection: the priced cart goes back to the rep to edit or send again.
  awaiting_approval: ['awaiting_approval', 'approved', 'priced', 'draft', 'expired', 'cancelled'],
  approved: ['checking_out', 'expired'],
  checking_out: ['checking_out', 'outcome_unknown', 'ordered', 'failed'],
  // Only Partner Center's own answer (the replayed request, the order found) moves an unknown outcome on;
  // `unconfirmed` is the bounded end of looking, which a later find may still turn into `ordered`.
  outcome_unknown: ['outcome_unknown', 'ordered', 'failed', 'unconfirmed'],
  unconfirmed: ['ordered'],
  failed: ['checking_out', 'priced', 'draft', 'cancelled'],
  ordered: [],
  expired: ['draft', 'priced', 'cancelled'],
  cancelled: [],
};

export function canMove(from: PurchaseStatus, to: PurchaseStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Statuses in which the rep may still change lines or the customer. */
export function isEditable(status: PurchaseStatus): boolean {
  return status === 'draft' || status === 'priced' || status === 'failed' || status === 'expired';
}
