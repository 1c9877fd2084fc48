import type { z } from 'zod';
import { cardDateTime } from '../../i18n/card-time';
import { t } from '../../i18n/translate';
import { plainText } from '../../cards/plain-text';
import { openPurchase } from '../purchase/open-purchase';
import type { Purchase } from '../purchase/purchase';
import type { purchaseRefSchema } from '../purchase/payloads';
import { readForRep } from '../purchase/read-for-rep';
import { sharedVerbs } from '../purchase/shared-verbs';
import { newSubscriptionsOf } from '../purchase/undo/new-subscriptions';
import { undoClosed } from '../purchase/undo/undo-closed';
import { undoOfferOf, type UndoLine } from '../purchase/undo/undo-offer';
import { startUndo } from '../purchase/undo/start-undo';
import { undoPurchase } from './undo-purchase';
import type { ActionTurn, TurnResult } from '../ports';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { refOf } from '../views/actions';
import { noticeCard } from '../views/notice-card';
import { changeCard } from './views/seats-cards';

type Ref = z.infer<typeof purchaseRefSchema>;

type PurchaseUndoAccess = { ok: true; purchase: Purchase; until: Date; lines: UndoLine[] } | { ok: false; result: TurnResult };

/**
 * The placed purchase an Undo names, reloaded and checked (the clicker's own, the card current), with
 * what Partner Center lets Undo do now, read from the subscriptions the purchase made: their
 * cancellation windows are Partner Center's, never the card's. Past the window the clicker is told when
 * it closed; a failed read is shown with its code and correlation id. Nothing is sent.
 */
async function openPurchaseUndo(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<PurchaseUndoAccess> {
  const access = await openPurchase(deps, turn, p);
  if (!access.ok) return access;
  const purchase = access.loaded.purchase;
  const locale = turn.locale;
  const read = await readForRep(deps, locale, newSubscriptionsOf(deps.partnerCenter, purchase));
  if (read.failure) return { ok: false, result: { card: noticeCard(t(locale, 'undo.nothing.title'), read.failure), audience: 'clicker' } };
  const offer = undoOfferOf(read.value ?? [], deps.now());
  if (offer.kind === 'closed') return { ok: false, result: undoClosed(locale, 'undo.closed.text', offer.closedAt) };
  if (offer.kind === 'none') {
    return { ok: false, result: { card: noticeCard(t(locale, 'undo.nothing.title'), t(locale, 'undo.nothing.text')), audience: 'clicker' } };
  }
  return { ok: true, purchase, until: offer.until, lines: offer.lines };
}

/** "Undo" on a purchase's result: asks once more, naming the customer, each product, quantity and refund. */
export async function askPurchaseUndo(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openPurchaseUndo(deps, turn, p);
  if (!access.ok) return access.result;
  const { purchase, until, lines } = access;
  const locale = turn.locale;
  const customer = plainText(purchase.customer?.name ?? '');
  return {
    card: changeCard({
      title: plainText(t(locale, 'undo.ask.title', { customer })),
      subtitle: plainText(purchase.customer?.domain ?? ''),
      facts: [
        ...lines.map((line) => t(locale, 'undo.ask.line', { quantity: line.quantity, name: plainText(line.name), refund: t(locale, `seats.refund.${line.refund}`) })),
        t(locale, 'undo.ask.until', { date: cardDateTime(until.toISOString()) }),
      ],
      actions: [
        sharedVerbs.purchaseUndoConfirm.action(t(locale, 'undo.ask.confirm'), refOf(purchase), 'destructive'),
        sharedVerbs.cartShow.action(t(locale, 'common.back'), refOf(purchase)),
      ],
    }),
  };
}

/**
 * The undo itself: every subscription of the purchase still inside its window is cancelled, as one
 * seat-change purchase through the engine (gate, limits, audit, unknown outcome). Its id comes from the
 * purchase and the subscriptions, so a double click stores one undo and sends each PATCH once.
 */
export async function confirmPurchaseUndo(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openPurchaseUndo(deps, turn, p);
  if (!access.ok) return access.result;
  const { purchase, lines } = access;
  const subscriptionIds = lines.map((line) => line.subscriptionId);
  const undo = undoPurchase(deps, turn, purchase, subscriptionIds, {
    undoLines: lines.map((line) => ({ subscriptionId: line.subscriptionId, name: line.name, quantity: line.quantity, requestId: deps.newId() })),
  });
  return startUndo(deps, turn, undo, { undoOf: purchase.id, subscriptionIds });
}
