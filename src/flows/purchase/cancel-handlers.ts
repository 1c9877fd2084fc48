import type { z } from 'zod';
import { t } from '../../i18n/translate';
import type { ActionTurn, Actor, Conversation, TurnResult } from '../ports';
import { openPurchaseOf } from './conversation-purchase';
import { currentCard } from './current-card';
import { openPurchase } from './open-purchase';
import type { purchaseRefSchema } from './payloads';
import type { Purchase } from './purchase';
import type { PurchaseDeps } from './purchase-deps';
import { kindOf } from './purchase-kind';
import { saveAndShow } from './save-and-show';
import { isEditable } from './transitions';

/** "Cancel" on a cart's or an order's card. */
export async function cancelPurchase(deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof purchaseRefSchema>): Promise<TurnResult> {
  const access = await openPurchase(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  if (!isEditable(loaded.purchase.status)) return { card: await currentCard(deps, loaded.purchase) };
  return saveAndShow(deps, turn, loaded, cancelled(loaded.purchase), kindOf(deps.kinds, loaded.purchase).cancelledAction);
}

/** The `cancel` command: cancels the rep's open purchase in this conversation, of whatever kind, if it can still be. */
export async function cancelCurrent(deps: PurchaseDeps, actor: Actor, conversation: Conversation, locale: string): Promise<TurnResult> {
  const loaded = await openPurchaseOf(deps, conversation.id, actor);
  if (!loaded) return { notice: t(locale, 'cancel.nothing') };
  const action = kindOf(deps.kinds, loaded.purchase).cancelledAction;
  const outcome = await deps.purchases.saveOrReload(loaded, cancelled(loaded.purchase), { action, actor });
  const card = await currentCard(deps, outcome.purchase);
  if (outcome.saved && outcome.purchase.cardActivityId) await deps.gateway.update(conversation, outcome.purchase.cardActivityId, card);
  return { card };
}

function cancelled(purchase: Purchase): Purchase {
  return { ...purchase, status: 'cancelled' };
}
