import type { Purchase } from '../purchase/purchase';
import type { LoadedPurchase } from '../purchase/purchase-repository';
import type { ActionTurn, AdaptiveCard, TurnResult } from '../ports';
import { isConflict, type CartDeps } from './cart-deps';
import { currentCard } from './current-card';

/**
 * Saves a change with the eTag that was read, then draws the card for the saved state. If someone (a
 * double tap, a second instance) changed the purchase first, nothing is written and the rep sees the
 * purchase as it now is.
 */
export async function saveAndShow(
  deps: CartDeps, turn: ActionTurn, loaded: LoadedPurchase, next: Purchase, action: string,
  cardFor: (saved: Purchase) => Promise<AdaptiveCard> | AdaptiveCard = (saved) => currentCard(deps, saved),
): Promise<TurnResult> {
  try {
    const saved = await deps.purchases.save(loaded, next, { action, actor: turn.actor });
    return { card: await cardFor(saved.purchase) };
  } catch (error) {
    if (!isConflict(error)) throw error;
    const fresh = await deps.purchases.load(loaded.purchase.id);
    return { card: fresh ? await currentCard(deps, fresh.purchase) : await currentCard(deps, loaded.purchase) };
  }
}
