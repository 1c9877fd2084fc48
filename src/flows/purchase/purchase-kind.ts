import type { PricedLine } from '../../i18n/prices';
import type { CartCheckoutResult, Order } from '../../partner-center/schemas';
import type { AdaptiveCard } from '../ports';
import type { CurrencyTotal } from './priced-cart';
import { linePrices } from './priced-lines';
import { linesApprovalSubject, type ApprovalSubject } from './views/approval-subject-parts';
import type { ApprovalOutcome } from './approval-schema';
import { cartAfterApproval, type ApprovalNextStep } from './approval-next-step';
import type { Gated, Purchase, PurchaseKind, PurchaseOfKind } from './purchase';
import type { PurchaseDeps } from './purchase-deps';
import type { ConfirmErrors } from './views/confirm-card';

/**
 * What a kind of purchase (cart, add-on, order, seats) adds to the engine. The engine owns the state machine,
 * the gate, the checkout run, approvals and resuming; a kind only knows how its purchase looks on a card
 * and how Partner Center is asked to place it. Registered once, in src/purchase-kinds.ts.
 */
export interface PurchaseKindHandler<P extends Purchase> {
  /**
   * The card of the purchase as stored: after a restart, for a stale click, for "Back". A purchase
   * waiting for an approver never gets here (the approval hook draws it).
   */
  currentCard(deps: PurchaseDeps, purchase: P): Promise<AdaptiveCard> | AdaptiveCard;
  /**
   * How a gated purchase places its order(s); undefined when it lacks what that needs (e.g. the Partner
   * Center cart it checks out).
   */
  submission(purchase: Gated<P>): Submission | undefined;
  /**
   * The orders a gated purchase placed, looked up when no answer to its order call ever arrived (the
   * outcome resolver); empty when nothing matches yet.
   */
  findPlacedOrders(deps: PurchaseDeps, purchase: Gated<P>): Promise<Order[]>;
  /**
   * The card where the rep ticks the attestation(s) and places the order of a priced purchase, with what
   * a refused "Place order" lacked. Absent for a kind that places its order from its own cards (add-on,
   * seats): a confirmation asked for such a purchase shows its current card.
   */
  confirmationCard?(purchase: P, errors: ConfirmErrors): AdaptiveCard;
  /** The audit action filed when the rep cancels one. */
  cancelledAction: 'cart.cancelled' | 'addon.cancelled' | 'seats.cancelled';
  /**
   * Whether a submission went through. Default: at least one order was placed. A change of an existing
   * subscription (a PATCH) places no order and says itself whether it was applied.
   */
  succeeded?(result: CartCheckoutResult): boolean;
  /**
   * What it costs per currency, as APPROVAL_THRESHOLD and PURCHASE_LIMIT compare it; undefined when
   * Partner Center gave no price (it could cost anything, so an approver decides).
   */
  totals(purchase: P): CurrencyTotal[] | undefined;
  /** Its money as src/i18n/prices.ts words it (per period and the whole commitment). Default: its priced lines. */
  prices?(purchase: P): PricedLine[];
  /** What an approver is asked to approve. Default: its lines with their prices (linesApprovalSubject). */
  approvalSubject?(purchase: P, locale: string): ApprovalSubject;
  /**
   * What the rep can do next on their own approval card, once the request is decided (`outcome`) or the
   * checkout an approval started has ended. Default: the cart's (approval-next-step.ts).
   */
  afterApproval?(purchase: P, outcome: ApprovalOutcome | undefined, locale: string): ApprovalNextStep;
  /**
   * For a purchase that went through without an approver but that approvers should still see (fewer
   * seats, a cancellation, a renewal turned down): the card posted to the approval channel once it is
   * done. Undefined: nothing to tell.
   */
  approverNotice?(purchase: P): AdaptiveCard | undefined;
}

/**
 * Places the order(s) of a gated purchase under the MS-RequestIds fixed at the gate, so a repeat (a retry,
 * a resume after a restart, the outcome resolver) is answered with the first result.
 */
type Submission = (deps: PurchaseDeps, resuming: boolean) => Promise<CartCheckoutResult>;

export type PurchaseKinds = { [K in PurchaseKind]: PurchaseKindHandler<PurchaseOfKind<K>> };

/** A kind's handler with its purchase already given: what the engine calls, whatever the kind. */
interface BoundKind {
  currentCard(deps: PurchaseDeps): Promise<AdaptiveCard> | AdaptiveCard;
  /** Undefined when the kind has no confirmation card of its own. */
  confirmationCard(errors: ConfirmErrors): AdaptiveCard | undefined;
  cancelledAction: PurchaseKindHandler<Purchase>['cancelledAction'];
  totals(): CurrencyTotal[] | undefined;
  prices(): PricedLine[];
  approvalSubject(locale: string): ApprovalSubject;
  afterApproval(outcome: ApprovalOutcome | undefined, locale: string): ApprovalNextStep;
  approverNotice(): AdaptiveCard | undefined;
}

/** A gated purchase's handler with its purchase already given. */
export interface BoundSubmission {
  /** Undefined when the purchase lacks what its submission needs. */
  submission: Submission | undefined;
  findPlacedOrders(deps: PurchaseDeps): Promise<Order[]>;
  succeeded(result: CartCheckoutResult): boolean;
}

function bind<P extends Purchase>(handler: PurchaseKindHandler<P>, purchase: P): BoundKind {
  const prices = () => handler.prices?.(purchase) ?? linePrices(purchase);
  return {
    currentCard: (deps) => handler.currentCard(deps, purchase),
    confirmationCard: (errors) => handler.confirmationCard?.(purchase, errors),
    cancelledAction: handler.cancelledAction,
    totals: () => handler.totals(purchase),
    prices,
    approvalSubject: (locale) => handler.approvalSubject?.(purchase, locale)
      ?? linesApprovalSubject(purchase, locale, handler.totals(purchase), prices()),
    afterApproval: (outcome, locale) => handler.afterApproval?.(purchase, outcome, locale) ?? cartAfterApproval(purchase, outcome, locale),
    approverNotice: () => handler.approverNotice?.(purchase),
  };
}

function bindSubmission<P extends Purchase>(handler: PurchaseKindHandler<P>, purchase: Gated<P>): BoundSubmission {
  return {
    submission: handler.submission(purchase),
    findPlacedOrders: (deps) => handler.findPlacedOrders(deps, purchase),
    succeeded: (result) => handler.succeeded?.(result) ?? (result.orders ?? []).length > 0,
  };
}

/** The one place the engine dispatches on a purchase's kind: to the handler registered for it. */
export function kindOf(kinds: PurchaseKinds, purchase: Purchase): BoundKind {
  switch (purchase.kind) {
    case 'cart': return bind(kinds.cart, purchase);
    case 'addon': return bind(kinds.addon, purchase);
    case 'order': return bind(kinds.order, purchase);
    case 'seats': return bind(kinds.seats, purchase);
  }
}

/** kindOf for a purchase past the checkout gate. */
export function submissionOf(kinds: PurchaseKinds, purchase: Gated): BoundSubmission {
  switch (purchase.kind) {
    case 'cart': return bindSubmission(kinds.cart, purchase);
    case 'addon': return bindSubmission(kinds.addon, purchase);
    case 'order': return bindSubmission(kinds.order, purchase);
    case 'seats': return bindSubmission(kinds.seats, purchase);
  }
}
