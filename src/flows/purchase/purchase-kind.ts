import type { CartCheckoutResult } from '../../partner-center/schemas';
import type { AdaptiveCard } from '../ports';
import type { Purchase, PurchaseKind } from './purchase';
import type { PurchaseDeps } from './purchase-deps';

/**
 * What a kind of purchase (cart, add-on, order) adds to the engine. The engine owns the state machine,
 * the gate, the checkout run, approvals and resuming; a kind only knows how its purchase looks on a card
 * and how Partner Center is asked to place it. Registered once, at composition (src/app.ts).
 */
export interface PurchaseKindHandler {
  /**
   * The card of the purchase as stored: after a restart, for a stale click, for "Back". A purchase
   * waiting for an approver never gets here (the approval hook draws it).
   */
  currentCard(deps: PurchaseDeps, purchase: Purchase): Promise<AdaptiveCard> | AdaptiveCard;
  /** Whether a gated purchase has what its submission needs (e.g. the Partner Center cart it checks out). */
  canSubmit(purchase: Purchase): boolean;
  /**
   * Places the order(s) of a gated purchase under the MS-RequestIds fixed at the gate, so a repeat
   * (a retry, a resume after a restart, the outcome resolver) is answered with the first result.
   */
  submit(deps: PurchaseDeps, purchase: Purchase, resuming: boolean): Promise<CartCheckoutResult>;
  /** The audit action filed when the rep cancels one. */
  cancelledAction: 'cart.cancelled' | 'addon.cancelled' | 'seats.cancelled';
  /**
   * Whether a submission went through. Default: at least one order was placed. A change of an existing
   * subscription (a PATCH) places no order and says itself whether it was applied.
   */
  succeeded?(result: CartCheckoutResult): boolean;
}

export type PurchaseKinds = Record<PurchaseKind, PurchaseKindHandler>;
