import { tLabel } from '../../i18n/translate';
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

/** The latest purchase the rep started in a conversation, whatever it has become since. */
export async function latestPurchaseOf(deps: PurchaseDeps, conversationId: string, actor: Actor): Promise<LoadedPurchase | undefined> {
  const id = await deps.purchases.currentFor(conversationId, actor);
  return id ? deps.purchases.load(id) : undefined;
}

/** The rep's open purchase in a conversation (of any kind): the latest one they started, while it can still be changed or dropped. */
export async function openPurchaseOf(deps: PurchaseDeps, conversationId: string, actor: Actor): Promise<LoadedPurchase | undefined> {
  return whileOpen(await latestPurchaseOf(deps, conversationId, actor));
}

/**
 * The rep's open purchase in the conversation of `purchase` when that is another, newer one: what a click
 * on `purchase`'s card is pointed at. Costs no second read when `purchase` is itself the latest.
 */
export async function otherOpenPurchase(deps: PurchaseDeps, purchase: Purchase, actor: Actor): Promise<Purchase | undefined> {
  const id = await deps.purchases.currentFor(purchase.conversation.id, actor);
  if (!id || id === purchase.id) return undefined;
  return whileOpen(await deps.purchases.load(id))?.purchase;
}

function whileOpen(loaded: LoadedPurchase | undefined): LoadedPurchase | undefined {
  return loaded && isEditable(loaded.purchase.status) ? loaded : undefined;
}

/**
 * How a sentence names a purchase to its rep: its kind, and its customer once picked ("add-on for Contoso
 * Ltd"). Unescaped: it goes into a `t()` placeholder, which escapes it once.
 */
export function purchaseName(locale: string, purchase: Purchase): string {
  const kind = kindName(locale, purchase);
  return purchase.customer ? tLabel(locale, 'openPurchase.what', { kind, customer: purchase.customer.name }) : kind;
}

export function kindName(locale: string, purchase: Purchase): string {
  return tLabel(locale, `openPurchase.kind.${purchase.kind}`);
}
