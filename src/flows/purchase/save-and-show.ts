import type { AuditAction } from '../audit-actions';
import type { Purchase } from './purchase';
import type { LoadedPurchase } from './purchase-repository';
import type { ActionTurn, AdaptiveCard, TurnResult } from '../ports';
import type { PurchaseDeps } from './purchase-deps';
import { currentCard } from './current-card';

/**
 * Saves a change with the eTag that was read, then draws the card for the saved state. If someone (a
 * double tap, a second instance) changed the purchase first, nothing is written and the rep sees the
 * purchase as it now is.
 */
export async function saveAndShow<P extends Purchase>(
  deps: PurchaseDeps, turn: Pick<ActionTurn, 'actor'>, loaded: LoadedPurchase, next: P, action: AuditAction,
  cardFor: (saved: P) => Promise<AdaptiveCard> | AdaptiveCard = (saved) => currentCard(deps, saved),
): Promise<TurnResult & { card: AdaptiveCard }> {
  const outcome = await deps.purchases.saveOrReload(loaded, next, { action, actor: turn.actor });
  return { card: outcome.saved ? await cardFor(outcome.purchase) : await currentCard(deps, outcome.purchase) };
}
