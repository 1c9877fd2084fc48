import { t } from '../../i18n/translate';
import type { LoadedPurchase } from './purchase-repository';
import type { Purchase } from './purchase';
import type { ActionTurn, TurnResult } from '../ports';
import type { PurchaseDeps } from './purchase-deps';
import { currentCard } from './current-card';
import { noticeCard } from '../views/notice-card';

export type Access<P extends Purchase = Purchase> = { ok: true; loaded: LoadedPurchase<P> } | { ok: false; result: TurnResult };

/**
 * Reloads the purchase a card names and checks that the clicker owns it and that the card is current.
 * A crafted payload naming someone else's purchase is refused to the clicker alone; nothing changes.
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
  if (purchase.version !== ref.version) {
    return { ok: false, result: { card: await currentCard(deps, purchase) } };
  }
  return { ok: true, loaded };
}
