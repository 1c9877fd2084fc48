import type { z } from 'zod';
import { t } from '../../i18n/translate';
import type { Purchase } from '../purchase/purchase';
import { isEditable } from '../purchase/transitions';
import type { ActionTurn, Actor, Conversation, TurnResult } from '../ports';
import { openPurchase } from './access';
import type { CartDeps } from './cart-deps';
import { currentCard } from './current-card';
import type { purchaseRefSchema } from './payloads';
import { saveAndShow } from './save-or-show';
import { customerPickerCard } from './views/picker-card';

/** Starts a cart: a stored draft from the first card on, so a restart never loses it. */
export async function startCart(
  deps: CartDeps, actor: Actor, conversation: Conversation, locale: string,
): Promise<TurnResult> {
  const created = await createDraft(deps, actor, conversation, locale, {});
  return { card: customerPickerCard(created, { query: '', results: [] }) };
}

/**
 * "Start a new cart with these lines" after Partner Center refused a checkout with 800008: that cart is
 * gone (expired or deleted) and cannot be checked out again, so a new draft gets the customer and lines.
 * The old purchase is closed first with one conditional write: of two clicks, one makes the new cart.
 */
export async function restartWithLines(deps: CartDeps, turn: ActionTurn, p: z.infer<typeof purchaseRefSchema>): Promise<TurnResult> {
  const access = await openPurchase(deps, turn, p);
  if (!access.ok) return access.result;
  const old = access.loaded.purchase;
  if (old.kind !== 'cart' || old.status !== 'failed') return { card: await currentCard(deps, old) };
  const closed = await deps.purchases.saveOrReload(access.loaded, { ...old, status: 'cancelled' }, { action: 'cart.restarted', actor: turn.actor });
  // The other click made the new cart and its card is on the message: this answer is for the clicker alone.
  if (!closed.saved) return { card: await currentCard(deps, closed.purchase), audience: 'clicker' };
  const created = await createDraft(deps, turn.actor, turn.conversation, turn.locale, { customer: old.customer, lines: old.lines });
  return { card: await currentCard(deps, created) };
}

async function createDraft(
  deps: CartDeps, actor: Actor, conversation: Conversation, locale: string, content: Pick<Purchase, 'customer'> & { lines?: Purchase['lines'] },
): Promise<Purchase> {
  deps.limits.take(actor, 'draft');
  const now = deps.now().toISOString();
  const purchase: Purchase = {
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
  const created = await deps.purchases.create(purchase, actor);
  await deps.purchases.setCurrent(conversation.id, actor, purchase.id);
  return created.purchase;
}

export async function cancelCart(deps: CartDeps, turn: ActionTurn, p: z.infer<typeof purchaseRefSchema>): Promise<TurnResult> {
  const access = await openPurchase(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  if (!isEditable(loaded.purchase.status)) return { card: await currentCard(deps, loaded.purchase) };
  return saveAndShow(deps, turn, loaded, { ...loaded.purchase, status: 'cancelled', editing: undefined }, 'cart.cancelled');
}

/** The `cancel` command: cancels the rep's current cart in this conversation, if it can still be. */
export async function cancelCurrent(deps: CartDeps, actor: Actor, conversation: Conversation, locale: string): Promise<TurnResult> {
  const id = await deps.purchases.currentFor(conversation.id, actor);
  const loaded = id ? await deps.purchases.load(id) : undefined;
  if (!loaded || !isEditable(loaded.purchase.status)) return { notice: t(locale, 'cancel.nothing') };
  const outcome = await deps.purchases.saveOrReload(loaded, { ...loaded.purchase, status: 'cancelled', editing: undefined }, { action: 'cart.cancelled', actor });
  const card = await currentCard(deps, outcome.purchase);
  if (outcome.saved && outcome.purchase.cardActivityId) await deps.gateway.update(conversation, outcome.purchase.cardActivityId, card);
  return { card };
}
