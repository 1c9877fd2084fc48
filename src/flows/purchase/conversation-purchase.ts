import type { Actor } from '../ports';
import type { Purchase } from './purchase';
import type { LoadedPurchase } from './purchase-repository';
import type { PurchaseDeps } from './purchase-deps';
import { isEditable } from './transitions';

/**
 * Stores a new purchase of any kind and makes it the rep's open purchase in its conversation: the one
 * `cancel` acts on. Every kind starts here, so the latest purchase a rep started is always the open one.
 */
export async function startPurchase<P extends Purchase>(deps: PurchaseDeps, purchase: P, actor: Actor): Promise<P> {
  deps.limits.take(actor, 'draft');
  const created = await deps.purchases.create(purchase, actor);
  await deps.purchases.setCurrent(purchase.conversation.id, actor, purchase.id);
  return created.purchase;
}

/** The rep's open purchase in a conversation (of any kind), while it can still be changed or dropped. */
export async function openPurchaseOf(deps: PurchaseDeps, conversationId: string, actor: Actor): Promise<LoadedPurchase | undefined> {
  const id = await deps.purchases.currentFor(conversationId, actor);
  const loaded = id ? await deps.purchases.load(id) : undefined;
  return loaded && isEditable(loaded.purchase.status) ? loaded : undefined;
}
