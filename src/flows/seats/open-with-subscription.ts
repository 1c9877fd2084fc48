import type { z } from 'zod';
import { t } from '../../i18n/translate';
import type { Subscription } from '../../partner-center/schemas';
import { callContext } from '../purchase/purchase-deps';
import type { SeatsPurchase } from '../purchase/purchase';
import type { LoadedPurchase } from '../purchase/purchase-repository';
import type { ActionTurn, TurnResult } from '../ports';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { readForRep } from '../purchase/read-for-rep';
import { noticeCard } from '../views/notice-card';
import type { purchaseRefSchema } from '../purchase/payloads';
import { openSeats } from './access';
import { seatsCurrentCard } from './seats-kind';

/**
 * The seat change a card names (open, the clicker's, current) with its subscription as Partner Center
 * has it now (uncached): every check runs on that, never on the card.
 */
export async function openWithSubscription(
  deps: CustomerStepDeps, turn: ActionTurn, ref: z.infer<typeof purchaseRefSchema>,
): Promise<{ loaded: LoadedPurchase<SeatsPurchase>; subscription: Subscription } | { result: TurnResult }> {
  const access = await openSeats(deps, turn, ref);
  if (!access.ok) return { result: access.result };
  const { loaded } = access;
  const purchase = loaded.purchase;
  const subscriptionId = purchase.seats.subscription?.id;
  if (!purchase.customer || !subscriptionId) return { result: { card: await seatsCurrentCard(deps, purchase) } };
  const read = await readForRep(deps, turn.locale, deps.partnerCenter.getSubscription(callContext(purchase), purchase.customer.id, subscriptionId));
  if (read.value) return { loaded, subscription: read.value };
  return { result: { card: noticeCard(t(turn.locale, 'failure.title'), read.failure ?? t(turn.locale, 'seats.subscription.required')), audience: 'clicker' } };
}

