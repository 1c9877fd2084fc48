import { openPurchase, type Access } from '../purchase/open-purchase';
import { currentCard } from '../purchase/current-card';
import type { PurchaseStatus, SeatsPurchase } from '../purchase/purchase';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import type { ActionTurn } from '../ports';

/**
 * Reloads the seat change a card names: it must exist, belong to the clicker, be the version the card was
 * drawn from, be a seat change and still be open. Otherwise the clicker sees where it stands.
 */
export async function openSeats(
  deps: PurchaseDeps, turn: ActionTurn, ref: { purchaseId: string; version: number },
  open: readonly PurchaseStatus[] = ['draft', 'priced'],
): Promise<Access<SeatsPurchase>> {
  const access = await openPurchase(deps, turn, ref);
  if (!access.ok) return access;
  const { purchase } = access.loaded;
  if (purchase.kind !== 'seats' || !open.includes(purchase.status)) {
    return { ok: false, result: { card: await currentCard(deps, purchase) } };
  }
  return { ok: true, loaded: { purchase, eTag: access.loaded.eTag } };
}
