import type { z } from 'zod';
import { t } from '../../i18n/translate';
import { callContext } from '../purchase/purchase-deps';
import { startPurchase } from '../purchase/conversation-purchase';
import { saveAndShow } from '../purchase/save-and-show';
import type { SeatsPurchase } from '../purchase/purchase';
import type { ActionTurn, Actor, AdaptiveCard, Conversation, TurnResult } from '../ports';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { openCustomerStep, pickCustomerStep, searchCustomerStep, type CustomerStep } from '../customer/customer-step';
import type { customerStepPayload } from '../customer/customer-payloads';
import type { purchaseRefSchema, searchPayload } from '../purchase/payloads';
import { customerStepCard } from '../customer/customer-step-card';
import { readForRep } from '../purchase/read-for-rep';
import { openSeats } from './access';
import { seatsCurrentCard } from './seats-kind';
import { seatSubscriptionOf, seatSubscriptions } from './seat-subscriptions';
import type { seatsSubscriptionPayload } from './payloads';
import { SEATS_CUSTOMER_VERBS, seatQuantityCard, seatSubscriptionsCard } from './views/seats-cards';

type Ref = z.infer<typeof purchaseRefSchema>;

function newSeatsPurchase(deps: CustomerStepDeps, actor: Actor, conversation: Conversation, locale: string): SeatsPurchase {
  const now = deps.now().toISOString();
  return {
    id: deps.newId(), kind: 'seats', status: 'draft', version: 0, owner: actor, conversation, locale,
    correlationId: deps.newId(), lines: [], seats: { step: 'customer' }, createdAt: now, updatedAt: now,
  };
}

/** The seat change's customer step: once the customer is chosen, the subscriptions of theirs whose seats can change. */
function seatsCustomerStep(deps: CustomerStepDeps, turn: Pick<ActionTurn, 'actor'>): CustomerStep<SeatsPurchase> {
  return {
    verbs: SEATS_CUSTOMER_VERBS,
    chosen: (loaded, { customer, ref }) => {
      const next: SeatsPurchase = { ...loaded.purchase, customer: ref, status: 'draft', seats: { step: 'subscription' } };
      // Uncached: the totals shown are the ones a change starts from.
      return saveAndShow(deps, turn, loaded, next, 'seats.customerChosen', async (saved) =>
        seatSubscriptionsCard(saved, seatSubscriptions(await deps.partnerCenter.listSubscriptions(callContext(saved), customer.id))));
    },
  };
}

/**
 * `seats` (or `seats <customer>`): a stored seat change from the first card. Without a name, this rep's
 * recent customers; with one, the search results for it, and one match goes straight on to its subscriptions.
 */
export async function startSeats(deps: CustomerStepDeps, turn: { actor: Actor; conversation: Conversation; locale: string }, query: string): Promise<TurnResult> {
  const created = await startPurchase(deps, newSeatsPurchase(deps, turn.actor, turn.conversation, turn.locale), turn.actor);
  return openCustomerStep(deps, turn, created, query, seatsCustomerStep(deps, turn));
}

export async function searchSeatsCustomer(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof searchPayload>): Promise<TurnResult> {
  const access = await openSeats(deps, turn, p);
  if (!access.ok) return access.result;
  return searchCustomerStep(deps, turn, access.loaded, p.query, seatsCustomerStep(deps, turn));
}

export async function pickSeatsCustomer(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof customerStepPayload>): Promise<TurnResult> {
  const access = await openSeats(deps, turn, p);
  if (!access.ok) return access.result;
  return pickCustomerStep(deps, turn, access.loaded, p.customerId, seatsCustomerStep(deps, turn));
}

export async function pickSeatsSubscription(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof seatsSubscriptionPayload>): Promise<TurnResult> {
  const access = await openSeats(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  if (!purchase.customer) return { card: await seatsCurrentCard(deps, purchase) };
  const ctx = callContext(purchase);
  const read = await readForRep(deps, turn.locale, deps.partnerCenter.getSubscription(ctx, purchase.customer.id, p.subscriptionId));
  const subscription = read.value;
  if (!subscription || seatSubscriptions([subscription]).length === 0) {
    const listed = seatSubscriptions(await deps.partnerCenter.listSubscriptions(ctx, purchase.customer.id));
    return { card: seatSubscriptionsCard(purchase, listed, read.failure ?? t(turn.locale, 'seats.subscription.required')), audience: 'clicker' };
  }
  const next: SeatsPurchase = { ...purchase, status: 'draft', seats: { step: 'quantity', subscription: seatSubscriptionOf(subscription) } };
  return saveAndShow(deps, turn, loaded, next, 'seats.subscriptionChosen', (saved) => seatQuantityCard(saved, subscription, deps.now()));
}

/** "Back": one step up, forgetting what was chosen below it. "Try again" and "Change again" after a failure are the same move. */
export async function seatsBack(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openSeats(deps, turn, p, ['draft', 'priced', 'failed']);
  if (!access.ok) return access.result;
  const purchase = access.loaded.purchase;
  const state = purchase.seats;
  const back: SeatsPurchase = (state.step === 'review' || purchase.status === 'failed') && state.subscription
    ? { ...purchase, status: 'draft', checkout: undefined, seats: { step: 'quantity', subscription: state.subscription } }
    : state.step === 'quantity'
      ? { ...purchase, status: 'draft', seats: { step: 'subscription' } }
      : { ...purchase, status: 'draft', customer: undefined, seats: { step: 'customer' } };
  return saveAndShow(deps, turn, access.loaded, back, 'seats.back', (saved) => stepCard(deps, saved));
}

export async function cancelSeats(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openSeats(deps, turn, p);
  if (!access.ok) return access.result;
  return saveAndShow(deps, turn, access.loaded, { ...access.loaded.purchase, status: 'cancelled' }, 'seats.cancelled');
}

async function stepCard(deps: CustomerStepDeps, purchase: SeatsPurchase): Promise<AdaptiveCard> {
  if (purchase.seats.step === 'customer' || !purchase.customer) {
    return customerStepCard(purchase, { recent: await deps.recent.list(purchase.owner.aadObjectId), results: [], query: '' }, SEATS_CUSTOMER_VERBS);
  }
  return seatsCurrentCard(deps, purchase);
}
