import type { ActionTurn, AdaptiveCard, TurnResult } from '../ports';
import type { Attestation } from './cart-request';
import type { Purchase } from './purchase';
import type { LoadedPurchase } from './purchase-repository';

/**
 * Where approvals plug into the engine (the approval feature implements it, src/app.ts registers it).
 * Without one, every purchase goes straight to the checkout gate.
 */
export interface ApprovalHook {
  /**
   * Where a purchase leaves the rep's hands, before the checkout gate: a refusal (PURCHASE_LIMIT) or its
   * request to an approver. Undefined: neither applies and the gate comes next.
   */
  beforeCheckout(turn: ActionTurn, loaded: LoadedPurchase, purchase: Purchase, attestation: Attestation): Promise<TurnResult | undefined>;
  /** The rep's card of a purchase whose approval request is its latest state; undefined when it has none. */
  requesterCard(purchase: Purchase): Promise<AdaptiveCard | undefined>;
  /** Shows a purchase that moved on in the background on its approval cards; false when it has none. */
  publish(purchase: Purchase): Promise<boolean>;
  /** Posts a card for approvers to see to the approval channel (nothing without APPROVAL_CHANNEL_ID). */
  notifyApprovers?(purchase: Purchase, card: AdaptiveCard): Promise<void>;
  /** At start-up: orders a purchase that was approved before a restart. Returns whether it took it on. */
  resume(loaded: LoadedPurchase): boolean;
}
