import type { z } from 'zod';
import type { CartPurchase, Purchase } from '../purchase/purchase';
import type { LoadedPurchase } from '../purchase/purchase-repository';
import type { ActionTurn, Actor, CommandTurn, Conversation, TurnResult } from '../ports';
import { openPurchase } from '../purchase/open-purchase';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import { startPurchase } from '../purchase/conversation-purchase';
import { currentCard } from '../purchase/current-card';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { openCustomerStep } from '../customer/customer-step';
import { cartCustomerStep } from './choose-customer';
import type { purchaseRefSchema } from '../purchase/payloads';

/**
 * Starts a cart: a stored draft from the first card on, so a restart never loses it. It opens on the rep's
 * recent customers; `new cart <customer>` starts with that search done, and one match goes straight on
 * to the product step.
 */
export async function startCart(deps: CustomerStepDeps, turn: Pick<CommandTurn, 'actor' | 'conversation' | 'locale'>, query: string): Promise<TurnResult> {
  const created = await createDraft(deps, turn.actor, turn.conversation, turn.locale, {});
  return openCustomerStep(deps, turn, created, query, cartCustomerStep(deps, turn.actor));
}

/**
 * "Start a new cart with these lines" after Partner Center refused a checkout with 800008: that cart is
 * gone (expired or deleted) and cannot be checked out again, so a new draft gets the customer and lines.
 * The old purchase is closed first with one conditional write: of two clicks, one makes the new cart.
 */
export async function restartWithLines(deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof purchaseRefSchema>): Promise<TurnResult> {
  const access = await openPurchase(deps, turn, p);
  if (!access.ok) return access.result;
  const old = access.loaded.purchase;
  if (old.kind !== 'cart' || old.status !== 'failed') return { card: await currentCard(deps, old) };
  const closed = await deps.purchases.saveOrReload(access.loaded, { ...old, status: 'cancelled' }, { action: 'cart.restarted', actor: turn.actor });
  // The other click made the new cart and its card is on the message: this answer is for the clicker alone.
  if (!closed.saved) return { card: await currentCard(deps, closed.purchase), audience: 'clicker' };
  const created = await createDraft(deps, turn.actor, turn.conversation, turn.locale, { customer: old.customer, lines: old.lines });
  return { card: await currentCard(deps, created.purchase) };
}

export async function createDraft(
  deps: PurchaseDeps, actor: Actor, conversation: Conversation, locale: string, content: Pick<Purchase, 'customer'> & { lines?: Purchase['lines'] },
): Promise<LoadedPurchase<CartPurchase>> {
  const now = deps.now().toISOString();
  const purchase: CartPurchase = {
    id: deps.newId(),
    kind: 'cart',
    status: 'draft',
    version: 0,
    owner: actor,
    conversation,
    locale,
    correlationId: deps.newId(),
    customer: content.customer,
    lines: content.lines ?? [],
    createdAt: now,
    updatedAt: now,
  };
  return startPurchase(deps, purchase, actor);
}
