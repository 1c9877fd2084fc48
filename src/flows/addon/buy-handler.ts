import type { z } from 'zod';
import { t } from '../../i18n/translate';
import { answerWithin } from '../answer-within';
import { isConflict } from '../cart/cart-deps';
import { withCheckoutGate } from '../cart/checkout-handlers';
import { completeCheckout } from '../cart/checkout-run';
import { currentCard } from '../cart/current-card';
import { dateTime } from '../cart/views/format';
import { progressCard } from '../cart/views/progress-card';
import type { ActionTurn, TurnResult } from '../ports';
import { openAddOn } from './access';
import type { AddOnDeps } from './addon-deps';
import type { addOnBuyPayload } from './payloads';
import { addOnConfirmCard } from './views/addon-cards';

/**
 * "Buy". As for carts, the move to checking_out is the single gate: one conditional write with the eTag
 * that was read, holding the MS-RequestIds every later call (and every retry after a crash) reuses, so
 * of a double tap or two concurrent clicks exactly one order reaches Partner Center.
 */
export async function buyAddOn(deps: AddOnDeps, turn: ActionTurn, p: z.infer<typeof addOnBuyPayload>): Promise<TurnResult> {
  const access = await openAddOn(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  const choice = purchase.addOn?.choice;
  const line = purchase.lines[0];
  const locale = turn.locale;
  if (purchase.status !== 'priced' || !choice || !line || purchase.cart?.lineItems.some((item) => item.error)) {
    return { card: await currentCard(deps, purchase) };
  }
  const quantity = /^\d{1,9}$/.test(p.quantity) ? Number(p.quantity) : NaN;
  const quantityOk = Number.isInteger(quantity) && quantity >= choice.minQuantity && quantity <= choice.maxQuantity;
  if (!quantityOk || p.attest !== 'true') {
    return {
      card: addOnConfirmCard(purchase, {
        quantity: p.quantity,
        quantityError: quantityOk ? '' : t(locale, 'line.quantityRange', { min: choice.minQuantity, max: choice.maxQuantity }),
        attestationError: p.attest === 'true' ? '' : t(locale, 'confirm.attestationRequired'),
      }),
      audience: 'clicker',
    };
  }
  const next = withCheckoutGate(
    deps,
    { ...purchase, lines: [{ ...line, quantity }], cardActivityId: turn.replyToId ?? purchase.cardActivityId },
    turn.actor,
    { partnerOfRecord: true, lines: Boolean(line.attestationType) },
  );
  const startedAt = next.checkout.startedAt;
  let gated;
  try {
    gated = await deps.purchases.save(loaded, next, {
      action: 'checkout.started', actor: turn.actor, details: { addOn: choice.id, baseSubscriptionId: purchase.addOn?.base?.id, quantity },
    });
  } catch (error) {
    if (!isConflict(error)) throw error;
    const fresh = await deps.purchases.load(purchase.id);
    return { card: await currentCard(deps, (fresh ?? loaded).purchase) };
  }
  const customer = purchase.customer?.name ?? '';
  const progress = progressCard(
    t(locale, 'checkout.title'), customer, t(locale, 'checkout.text', { customer }),
    t(locale, 'checkout.startedBy', { name: turn.actor.name, time: dateTime(locale, startedAt) }),
  );
  const work = completeCheckout(deps, gated.purchase.id, turn.actor);
  return answerWithin(deps.answerBudgetMs, work, progress, { gateway: deps.gateway, conversation: turn.conversation, activityId: turn.replyToId });
}
