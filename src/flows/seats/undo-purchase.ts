import type { SeatsPurchase } from '../purchase/purchase';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import { undoPurchaseId } from '../purchase/undo/start-undo';
import type { ActionTurn } from '../ports';

/**
 * The seat-change purchase that takes `original` back, ready for the engine (priced: nothing to price, a
 * seat change back or a cancellation spends nothing). `what` names what it undoes, for its id.
 */
export function undoPurchase(
  deps: PurchaseDeps, turn: ActionTurn, original: { id: string; customer?: SeatsPurchase['customer'] }, what: readonly string[],
  seats: Omit<SeatsPurchase['seats'], 'step' | 'undoOf'>,
): SeatsPurchase {
  const now = deps.now().toISOString();
  return {
    id: undoPurchaseId(original.id, what), kind: 'seats', status: 'priced', version: 0, owner: turn.actor, conversation: turn.conversation,
    locale: turn.locale, correlationId: deps.newId(), customer: original.customer, lines: [], createdAt: now, updatedAt: now,
    seats: { ...seats, step: 'review', undoOf: original.id },
  };
}
