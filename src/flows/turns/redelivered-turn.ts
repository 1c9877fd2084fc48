import { z } from 'zod';
import { t } from '../../i18n/translate';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import { currentCard } from '../purchase/current-card';
import { submittedPurchaseCard } from '../purchase/submitted-purchase-card';
import { noticeCard } from '../views/notice-card';
import type { ActionTurn, AdaptiveCard, CommandTurn, TurnHandlers, TurnResult } from '../ports';
import type { RedeliveryGuard } from './redelivery-guard';

const namesPurchase = z.object({ purchaseId: z.uuid() });

/** The flows' handlers, with every command and click acted on once per Teams activity id. */
export function handledOnce(handlers: TurnHandlers, guard: RedeliveryGuard, deps: PurchaseDeps): TurnHandlers {
  return {
    ...handlers,
    handle: (turn) => {
      const activityId = turn.activityId;
      if (!activityId) return handlers.handle(turn);
      return guard.once(
        activityId,
        () => handlers.handle(turn),
        async () => turn.kind === 'action' && Boolean((await purchaseOf(deps, turn))?.handledActivities?.includes(activityId)),
        (first) => redeliveryAnswer(deps, turn, first),
      );
    },
  };
}

/**
 * What a redelivered activity gets: nothing moves and nothing new is posted. A message (command or
 * Action.Submit) gets no answer at all — the first one is already in the chat. An Action.Execute must
 * answer with a card, shown to the clicker only: the purchase's own card once it has left the rep's
 * hands (the message shows that by now), else the card the first delivery answered with, else the
 * purchase as it stands.
 */
async function redeliveryAnswer(deps: PurchaseDeps, turn: CommandTurn | ActionTurn, first: AdaptiveCard | undefined): Promise<TurnResult> {
  if (turn.kind === 'command' || turn.via === 'submit') return {};
  const purchase = await purchaseOf(deps, turn);
  const submitted = purchase && (await submittedPurchaseCard(deps, purchase));
  const card = submitted ?? first ?? (purchase ? await currentCard(deps, purchase) : undefined);
  return { card: card ?? noticeCard(t(turn.locale, 'redelivery.title'), t(turn.locale, 'redelivery.text')), audience: 'clicker' };
}

/** The purchase the click names, if the clicker owns it (card data is never trusted). */
async function purchaseOf(deps: PurchaseDeps, turn: ActionTurn) {
  const named = namesPurchase.safeParse(turn.data);
  if (!named.success) return undefined;
  const purchase = (await deps.purchases.load(named.data.purchaseId))?.purchase;
  return purchase?.owner.aadObjectId === turn.actor.aadObjectId ? purchase : undefined;
}
