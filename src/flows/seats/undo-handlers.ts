import type { z } from 'zod';
import { cardDateTime } from '../../i18n/card-time';
import { t } from '../../i18n/translate';
import { plainText } from '../../cards/plain-text';
import { startUndo } from '../purchase/undo/start-undo';
import { undoPurchase } from './undo-purchase';
import { undoClosed } from '../purchase/undo/undo-closed';
import { openPurchase } from '../purchase/open-purchase';
import { currentCard } from '../purchase/current-card';
import type { SeatsPurchase } from '../purchase/purchase';
import type { ActionTurn, TurnResult } from '../ports';
import type { CustomerStepDeps } from '../customer/customer-deps';
import type { purchaseRefSchema } from '../purchase/payloads';
import { refOf } from '../views/actions';
import { seatsVerbs } from './seats-verbs';
import { noticeCard } from '../views/notice-card';
import { seatsCurrentCard } from './seats-kind';
import { undoDeadline } from './undo-window';
import { changeCard } from './views/seats-cards';

type Ref = z.infer<typeof purchaseRefSchema>;

type UndoAccess = { ok: true; purchase: SeatsPurchase; deadline: Date; from: number; to: number } | { ok: false; result: TurnResult };

/**
 * The seat change an Undo names, reloaded and checked: the clicker's own, current, and still inside the
 * window of the seats it added. Past the window the clicker is told when it closed (a card drawn before
 * then still shows the button), and nothing is sent.
 */
async function openUndo(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<UndoAccess> {
  const access = await openPurchase(deps, turn, p);
  if (!access.ok) return access;
  const purchase = access.loaded.purchase;
  const change = purchase.kind === 'seats' ? purchase.seats.change : undefined;
  const deadline = purchase.kind === 'seats' ? undoDeadline(purchase) : undefined;
  const locale = turn.locale;
  if (purchase.kind !== 'seats' || change?.kind !== 'quantity' || !deadline) {
    return { ok: false, result: { card: noticeCard(t(locale, 'seats.done.title'), t(locale, 'seats.undo.nothing')), audience: 'clicker' } };
  }
  if (deps.now().getTime() > deadline.getTime()) return { ok: false, result: undoClosed(locale, 'seats.undo.closedText', deadline) };
  return { ok: true, purchase, deadline, from: change.to, to: change.from };
}

/** "Undo" on a seat change's result: asks once more, naming old and new totals. */
export async function askUndo(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openUndo(deps, turn, p);
  if (!access.ok) return access.result;
  const { purchase, deadline, from, to } = access;
  const locale = turn.locale;
  const name = plainText(purchase.seats.subscription?.name ?? '');
  return {
    card: changeCard({
      title: t(locale, 'seats.undo.title', { name }),
      subtitle: plainText(purchase.customer?.name ?? ''),
      facts: [t(locale, 'seats.undo.text', { from, to }), t(locale, 'seats.done.undoUntil', { date: cardDateTime(deadline.toISOString()) })],
      actions: [
        seatsVerbs.undoConfirm.action(t(locale, 'seats.undo.confirm'), refOf(purchase), 'destructive'),
        seatsVerbs.show.action(t(locale, 'common.back'), refOf(purchase)),
      ],
    }),
  };
}

/** "Back" from the undo question: the result as it stands. */
export async function showSeats(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openPurchase(deps, turn, p);
  if (!access.ok) return access.result;
  const purchase = access.loaded.purchase;
  return { card: purchase.kind === 'seats' ? await seatsCurrentCard(deps, purchase) : await currentCard(deps, purchase) };
}

/**
 * The undo itself: a new seat change back to the old total, through the same gate, audit and approvals.
 * Its id comes from the change and the total, so a double click stores one undo; the total is a target,
 * so a repeat of it finds it applied and sends nothing.
 */
export async function confirmUndo(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openUndo(deps, turn, p);
  if (!access.ok) return access.result;
  const { purchase, from, to } = access;
  const subscription = purchase.seats.subscription;
  if (!subscription) return { card: await seatsCurrentCard(deps, purchase) };
  const undo = undoPurchase(deps, turn, purchase, [`quantity:${to}`], {
    subscription: { ...subscription, quantity: from }, change: { kind: 'quantity', from, to },
  });
  return startUndo(deps, turn, undo, { subscriptionId: subscription.id, change: { kind: 'quantity', from, to }, undoOf: purchase.id });
}
