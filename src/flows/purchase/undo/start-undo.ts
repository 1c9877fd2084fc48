import { createHash } from 'node:crypto';
import { ETagConflictError } from '../../../store/errors';
import type { ActionTurn, TurnResult } from '../../ports';
import { submitPurchase } from '../checkout-handlers';
import { startPurchase } from '../conversation-purchase';
import { currentCard } from '../current-card';
import type { Purchase } from '../purchase';
import type { PurchaseDeps } from '../purchase-deps';

/**
 * The id of the purchase that takes `originalId` back by `what` (the subscriptions it cancels, or the
 * seat total it returns to): the same Undo asked twice gets the same id, so two clicks (two instances, a
 * click and its redelivery on another instance) create one undo, never two. A UUID, as card refs require.
 */
export function undoPurchaseId(originalId: string, what: readonly string[]): string {
  const hex = createHash('sha256').update([originalId, ...[...what].sort()].join('\n')).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Stores an undo (a purchase whose id is `undoPurchaseId`) and sends it through the engine like any
 * purchase: access gate and limits before, then approvals, PURCHASE_LIMIT, the checkout gate and the
 * audit trail. A click that finds the undo already stored (a double click, or a click after the instance
 * that stored it stopped before sending it) sends it on if it is still waiting at the checkout gate (the
 * gate's conditional write lets exactly one click through), and otherwise is shown it as it stands.
 */
export async function startUndo(deps: PurchaseDeps, turn: ActionTurn, undo: Purchase, auditDetails: Record<string, unknown>): Promise<TurnResult> {
  try {
    await startPurchase(deps, undo, turn.actor);
  } catch (error) {
    if (!(error instanceof ETagConflictError)) throw error;
  }
  const loaded = await deps.purchases.load(undo.id);
  if (!loaded) throw new Error(`undo ${undo.id} vanished after it was stored`);
  if (loaded.purchase.status === 'priced') {
    return submitPurchase(deps, turn, loaded, loaded.purchase, { partnerOfRecord: false, lines: false }, auditDetails);
  }
  return { card: await currentCard(deps, loaded.purchase) };
}
