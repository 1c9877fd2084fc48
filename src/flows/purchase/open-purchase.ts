import { t } from '../../i18n/translate';
import type { LoadedPurchase } from './purchase-repository';
import type { Purchase } from './purchase';
import type { ActionTurn, TurnResult } from '../ports';
import type { PurchaseDeps } from './purchase-deps';
import { currentCard } from './current-card';
import { isChatPurchase, kindName, otherOpenPurchase, purchaseName } from './conversation-purchase';
import { isEditable } from './transitions';
import { noticeCard } from '../views/notice-card';

export type Access<P extends Purchase = Purchase> = { ok: true; loaded: LoadedPurchase<P> } | { ok: false; result: TurnResult };

/**
 * Reloads the purchase a card names and checks that the clicker owns it, that it is not superseded by a
 * newer open purchase of theirs, and that the card is current. A crafted payload naming someone else's
 * purchase is refused to the clicker alone; nothing changes. A stale card is replaced by the purchase as
 * it stands, with a pointer to the rep's open purchase of the conversation when that is another one.
 */
export async function openPurchase(
  deps: PurchaseDeps, turn: ActionTurn, ref: { purchaseId: string; version: number },
): Promise<Access> {
  const loaded = await deps.purchases.load(ref.purchaseId);
  const locale = turn.locale;
  if (!loaded) {
    return { ok: false, result: { card: noticeCard(t(locale, 'notFound.title'), t(locale, 'notFound.text')), audience: 'clicker' } };
  }
  const { purchase } = loaded;
  if (purchase.owner.aadObjectId !== turn.actor.aadObjectId) {
    deps.log.warn({ purchaseId: purchase.id, actor: turn.actor.aadObjectId, verb: turn.verb }, 'refused: not the owner');
    return {
      ok: false,
      result: { card: noticeCard(t(locale, 'notOwner.title'), t(locale, 'notOwner.text', { owner: purchase.owner.name })), audience: 'clicker' },
    };
  }
  // One purchase is open per rep and conversation (conversation-purchase.ts): a card of an older one
  // that could still be changed is refused while the newer one is open, and a stale card is pointed at it.
  // A purchase started on a result card (an Undo) is not the chat's, so no draft of the chat supersedes it.
  const newer = await otherOpenPurchase(deps, purchase, turn.actor);
  if (newer && isEditable(purchase.status) && isChatPurchase(purchase)) {
    const names = { what: purchaseName(locale, newer), kind: kindName(locale, purchase) };
    return { ok: false, result: { card: noticeCard(t(locale, 'openPurchase.superseded.title'), t(locale, 'openPurchase.superseded.text', names)), audience: 'clicker' } };
  }
  if (purchase.version !== ref.version) {
    const pointer = newer ? { notice: t(locale, 'openPurchase.here', { what: purchaseName(locale, newer) }) } : {};
    return { ok: false, result: { card: await currentCard(deps, purchase), ...pointer } };
  }
  return { ok: true, loaded };
}
