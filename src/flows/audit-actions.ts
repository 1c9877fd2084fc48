import type { MessageKey } from '../i18n/catalogs';
import { ACCESS_REFUSED } from '../store/audit-log';

/**
 * Every action the bot files in the audit log, with the text the audit card shows for it. Writers take
 * their action from here (the flows' audit log and the purchase repository only accept these names), so
 * a new action without its en-US and pl-PL text does not compile. The names are stored: never rename one,
 * exports and older records use them.
 */
export const AUDIT_ACTIONS = {
  'purchase.created': 'audit.action.purchaseCreated',
  'purchase.overLimit': 'audit.action.purchaseOverLimit',
  'customer.chosen': 'audit.action.customerChosen',
  'product.chosen': 'audit.action.productChosen',
  'line.added': 'audit.action.lineAdded',
  'line.updated': 'audit.action.lineUpdated',
  'line.editing': 'audit.action.lineEditing',
  'line.editCancelled': 'audit.action.lineEditCancelled',
  'line.removed': 'audit.action.lineRemoved',
  'line.restored': 'audit.action.lineRestored',
  'cart.editing': 'audit.action.cartEditing',
  'cart.priced': 'audit.action.cartPriced',
  'cart.pricingFailed': 'audit.action.cartPricingFailed',
  'cart.restarted': 'audit.action.cartRestarted',
  'cart.cancelled': 'audit.action.cartCancelled',
  'addon.customerChosen': 'audit.action.addOnCustomerChosen',
  'addon.subscriptionChosen': 'audit.action.addOnSubscriptionChosen',
  'addon.chosen': 'audit.action.addOnChosen',
  'addon.priced': 'audit.action.addOnPriced',
  'addon.back': 'audit.action.addOnBack',
  'addon.cancelled': 'audit.action.addOnCancelled',
  'seats.customerChosen': 'audit.action.seatsCustomerChosen',
  'seats.subscriptionChosen': 'audit.action.seatsSubscriptionChosen',
  'seats.reviewed': 'audit.action.seatsReviewed',
  'seats.cancelReviewed': 'audit.action.seatsCancelReviewed',
  'seats.autoRenewOffReviewed': 'audit.action.seatsAutoRenewOffReviewed',
  'seats.lowerAtRenewalReviewed': 'audit.action.seatsLowerAtRenewalReviewed',
  'seats.back': 'audit.action.seatsBack',
  'seats.cancelled': 'audit.action.seatsCancelled',
  'order.reviewed': 'audit.action.orderReviewed',
  'order.editing': 'audit.action.orderEditing',
  'checkout.started': 'audit.action.checkoutStarted',
  'checkout.retry': 'audit.action.checkoutRetry',
  'checkout.ordered': 'audit.action.checkoutOrdered',
  'checkout.failed': 'audit.action.checkoutFailed',
  'checkout.outcomeUnknown': 'audit.action.checkoutOutcomeUnknown',
  'checkout.unconfirmed': 'audit.action.checkoutUnconfirmed',
  'approval.requested': 'audit.action.approvalRequested',
  'approval.cardPosted': 'audit.action.approvalCardPosted',
  'approval.approved': 'audit.action.approvalApproved',
  'approval.rejected': 'audit.action.approvalRejected',
  'approval.expired': 'audit.action.approvalExpired',
  'approval.refused': 'audit.action.approvalRefused',
  'approval.conflict': 'audit.action.approvalConflict',
  'approval.withdrawn': 'audit.action.approvalWithdrawn',
  'status.denied': 'audit.action.statusDenied',
  [ACCESS_REFUSED]: 'audit.action.accessRefused',
} as const satisfies Record<string, MessageKey>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** A stored action name this version knows (records may hold names of other versions). */
export function isAuditAction(name: string): name is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, name);
}
