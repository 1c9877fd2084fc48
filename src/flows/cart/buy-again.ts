import type { z } from 'zod';
import type { ActionTurn, TurnResult } from '../ports';
import { openPurchase } from '../purchase/open-purchase';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import { currentCard } from '../purchase/current-card';
import type { purchaseRefSchema } from '../purchase/payloads';
import { createDraft } from './lifecycle-handlers';

/**
 * "Buy again" on an ordered cart: a new draft for the same customer with the same lines, posted as a new
 * card, so the result card (the record of what was bought) stays as it is. Nothing is priced or bought
 * until the rep reviews and places the new cart.
 */
export async function buyAgain(deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof purchaseRefSchema>): Promise<TurnResult> {
  const access = await openPurchase(deps, turn, p);
  if (!access.ok) return access.result;
  const previous = access.loaded.purchase;
  if (previous.kind !== 'cart' || previous.status !== 'ordered') return { card: await currentCard(deps, previous) };
  const created = await createDraft(deps, turn.actor, turn.conversation, turn.locale, { customer: previous.customer, lines: previous.lines });
  await deps.gateway.post(turn.conversation, await currentCard(deps, created.purchase));
  return { card: await currentCard(deps, previous) };
}
