import type { ActionTurn } from '../ports';
import { currentCard } from '../purchase/current-card';
import { openPurchase, type Access } from '../purchase/open-purchase';
import type { CartPurchase } from '../purchase/purchase';
import type { PurchaseDeps } from '../purchase/purchase-deps';

/**
 * openPurchase for the steps only a cart has (customer and product pickers, lines, pricing): a card of
 * another kind of purchase cannot reach them, it sees that purchase as it stands.
 */
export async function openCart(deps: PurchaseDeps, turn: ActionTurn, ref: { purchaseId: string; version: number }): Promise<Access<CartPurchase>> {
  const access = await openPurchase(deps, turn, ref);
  if (!access.ok) return access;
  const { purchase, eTag } = access.loaded;
  if (purchase.kind !== 'cart') return { ok: false, result: { card: await currentCard(deps, purchase) } };
  return { ok: true, loaded: { purchase, eTag } };
}
