import { kindOf, type PurchaseKinds } from '../../purchase/purchase-kind';
import type { Purchase } from '../../purchase/purchase';
import type { ApprovalSubject } from '../../purchase/views/approval-subject-parts';

/**
 * What the approver is asked to approve, as the purchase's kind says it: for a cart its lines, each with
 * its price per period, what falls due each period and the whole commitment; for an add-on the
 * subscription it is added to, the add-on, the quantity and the price; for a seat change the
 * subscription, old → new quantity and what the difference costs. A price Partner Center did not give
 * is said plainly. Ids stay off the card.
 */
export function approvalSubject(kinds: PurchaseKinds, purchase: Purchase, locale: string): ApprovalSubject {
  return kindOf(kinds, purchase).approvalSubject(locale);
}
