import { openPurchase, type Access } from '../purchase/open-purchase';
import { currentCard } from '../purchase/current-card';
import type { AddOnPurchase, PurchaseStatus } from '../purchase/purchase';
import type { ActionTurn } from '../ports';
import type { CustomerStepDeps } from '../customer/customer-deps';

/**
 * Reloads the add-on purchase a card names: it must exist, belong to the clicker, be the version the card
 * was drawn from, be an add-on purchase and still be open. Otherwise the clicker sees where it stands.
 */
export async function openAddOn(
  deps: CustomerStepDeps, turn: ActionTurn, ref: { purchaseId: string; version: number },
  open: readonly PurchaseStatus[] = ['draft', 'priced'],
): Promise<Access<AddOnPurchase>> {
  const access = await openPurchase(deps, turn, ref);
  if (!access.ok) return access;
  const { purchase } = access.loaded;
  if (purchase.kind !== 'addon' || !open.includes(purchase.status)) {
    return { ok: false, result: { card: await currentCard(deps, purchase) } };
  }
  return { ok: true, loaded: { purchase, eTag: access.loaded.eTag } };
}
