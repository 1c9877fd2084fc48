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
    lines: [],
    createdAt: now,
    updatedAt: now,
  };
  const created = await deps.purchases.create(purchase, actor);
  await deps.purchases.setCurrent(conversation.id, actor, purchase.id);
  return { card: customerPickerCard(created.purchase, { query: '', results: [] }) };
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
