import { tLabel } from '../../i18n/translate';
import type { Actor } from '../ports';
import type { Purchase } from './purchase';
import type { LoadedPurchase } from './purchase-repository';
import type { PurchaseDeps } from './purchase-deps';
import { isEditable } from './transitions';

/**
 * Stores a new purchase of any kind and makes it the rep's open purchase in its conversation: the one
 * `cancel` acts on. Every kind starts here, so the latest purchase a rep started in the chat is always the
 * open one; a purchase started on a result card (see `isChatPurchase`) is stored with the same limits but
 * leaves the open purchase as it was.
 */
export async function startPurchase<P extends Purchase>(deps: PurchaseDeps, purchase: P, actor: Actor): Promise<LoadedPurchase<P>> {
  deps.limits.take(actor, 'draft');
  const created = await deps.purchases.create(purchase, actor);
  if (isChatPurchase(purchase)) await deps.purchases.setCurrent(purchase.conversation.id, actor, purchase.id);
  return created;
}

/**
 * False for a purchase started on another one's result card: an Undo (a seat change that takes a placed
 * purchase or an earlier seat change back, `undoOf`). It belongs to that card, not to the chat: it never
 * becomes the rep's open purchase, so the draft the rep is building stays the one `cancel` finds and the
 * one their clicks may change, and it is never refused as older than that draft. Its own card still
 * reaches it by id, with every check a click gets (owner, current version, the checkout gate).
 */
export function isChatPurchase(purchase: Purchase): boolean {
  return !(purchase.kind === 'seats' && purchase.seats.undoOf !== undefined);
}

/** The latest purchase the rep started in a conversation (an undo aside), whatever it has become since. */
export async function latestPurchaseOf(deps: PurchaseDeps, conversationId: string, actor: Actor): Promise<LoadedPurchase | undefined> {
  const id = await deps.purchases.currentFor(conversationId, actor);
  return id ? deps.purchases.load(id) : undefined;
}

/** The rep's open purchase in a conversation (of any kind): the latest one they started, while it can still be changed or dropped. */
export async function openPurchaseOf(deps: PurchaseDeps, conversationId: string, actor: Actor): Promise<LoadedPurchase | undefined> {
  return whileOpen(await latestPurchaseOf(deps, conversationId, actor));
}

/**
 * The rep's open purchase in the conversation of `purchase` when that is another one (newer, or the draft
 * beside an Undo): what a click on `purchase`'s card is pointed at. Costs no second read when `purchase`
 * is itself the latest.
 */
export async function otherOpenPurchase(deps: PurchaseDeps, purchase: Purchase, actor: Actor): Promise<Purchase | undefined> {
  const id = await deps.purchases.currentFor(purchase.conversation.id, actor);
  if (!id || id === purchase.id) return undefined;
  return whileOpen(await deps.purchases.load(id))?.purchase;
}

/**
 * The purchase a pointer names, while it can still be changed. A pointer stored before undos stopped
 * taking it may still name an undo, which is no open purchase of the chat (`isChatPurchase`).
 */
function whileOpen(loaded: LoadedPurchase | undefined): LoadedPurchase | undefined {
  return loaded && isEditable(loaded.purchase.status) && isChatPurchase(loaded.purchase) ? loaded : undefined;
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
