import type { z } from 'zod';
import { t } from '../../i18n/translate';
import { formatErrorForUser } from '../../partner-center';
import { answerWithin } from '../answer-within';
import { callContext } from '../purchase/purchase-deps';
import { buildCartRequest } from '../purchase/cart-request';
import { startPurchase } from '../purchase/conversation-purchase';
import { saveAndShow } from '../purchase/save-and-show';
import { progressCard } from '../purchase/views/progress-card';
import { hasCustomer, type AddOnPurchase, type WithCustomer } from '../purchase/purchase';
import type { LoadedPurchase } from '../purchase/purchase-repository';
import type { ActionTurn, Actor, AdaptiveCard, CommandTurn, Conversation, TurnResult } from '../ports';
import { openAddOn } from './access';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { addOnCurrentCard } from './addon-kind';
import { addOnBases, addOnOptions, baseOf, type AddOnOption } from './addon-options';
import { addOnLine } from './addon-line';
import { customerRef, openCustomerStep, pickCustomerStep, searchCustomerStep, type CustomerStep } from '../customer/customer-step';
import type { addOnChoicePayload, addOnSubscriptionPayload } from './payloads';
import type { addOnForSubscriptionPayload } from '../purchase/payloads';
import { ADDON_CUSTOMER_VERBS, addOnConfirmCard, addOnStepCard, subscriptionStepCard } from './views/addon-cards';
import type { customerStepPayload } from '../customer/customer-payloads';
import type { purchaseRefSchema, searchPayload } from '../purchase/payloads';
import { customerStepCard } from '../customer/customer-step-card';
import { readForRep } from '../purchase/read-for-rep';
import { noticeCard } from '../views/notice-card';

type Ref = z.infer<typeof purchaseRefSchema>;

function newAddOnPurchase(deps: CustomerStepDeps, actor: Actor, conversation: Conversation, locale: string): AddOnPurchase {
  const now = deps.now().toISOString();
  return {
    id: deps.newId(), kind: 'addon', status: 'draft', version: 0, owner: actor, conversation, locale,
    correlationId: deps.newId(), lines: [], addOn: { step: 'customer' }, createdAt: now, updatedAt: now,
  };
}

/** The add-on's customer step: once the customer is chosen, the subscriptions of theirs an add-on can go on. */
function addOnCustomerStep(deps: CustomerStepDeps, turn: Pick<ActionTurn, 'actor'>): CustomerStep<AddOnPurchase> {
  return {
    verbs: ADDON_CUSTOMER_VERBS,
    chosen: async (loaded, { customer, ref }) => {
      const next: AddOnPurchase = { ...loaded.purchase, customer: ref, status: 'draft', lines: [], cart: undefined, addOn: { step: 'subscription' } };
      return saveAndShow(deps, turn, loaded, next, 'addon.customerChosen', async (saved) =>
        subscriptionStepCard(saved, addOnBases(await deps.catalog.listSubscriptions(callContext(saved), customer.id))));
    },
  };
}

/**
 * `add-on`: a stored purchase from the first card, starting with this rep's recent customers;
 * `add-on <customer>` starts with that search done, and one match goes straight on to its subscriptions.
 */
export async function startAddOn(deps: CustomerStepDeps, turn: Pick<CommandTurn, 'actor' | 'conversation' | 'locale'>, query: string): Promise<TurnResult> {
  const created = await startPurchase(deps, newAddOnPurchase(deps, turn.actor, turn.conversation, turn.locale), turn.actor);
  return openCustomerStep(deps, turn, created, query, addOnCustomerStep(deps, turn));
}

export async function searchAddOnCustomer(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof searchPayload>): Promise<TurnResult> {
  const access = await openAddOn(deps, turn, p);
  if (!access.ok) return access.result;
  return searchCustomerStep(deps, turn, access.loaded, p.query, addOnCustomerStep(deps, turn));
}

export async function pickAddOnCustomer(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof customerStepPayload>): Promise<TurnResult> {
  const access = await openAddOn(deps, turn, p);
  if (!access.ok) return access.result;
  return pickCustomerStep(deps, turn, access.loaded, p.customerId, addOnCustomerStep(deps, turn));
}

export async function pickAddOnSubscription(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof addOnSubscriptionPayload>): Promise<TurnResult> {
  const access = await openAddOn(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  const customer = purchase.customer;
  if (!customer) return { card: customerStepCard(purchase, { recent: await deps.recent.list(turn.actor.aadObjectId), results: [], query: '' }, ADDON_CUSTOMER_VERBS) };
  const ctx = callContext(purchase);
  const read = await readForRep(deps, turn.locale, deps.catalog.getSubscription(ctx, customer.id, p.subscriptionId));
  const subscription = read.value;
  if (!subscription || addOnBases([subscription]).length === 0) {
    const bases = addOnBases(await deps.catalog.listSubscriptions(ctx, customer.id));
    return { card: subscriptionStepCard(purchase, bases, read.failure ?? t(turn.locale, 'addon.subscription.required')), audience: 'clicker' };
  }
  const next: AddOnPurchase = { ...purchase, status: 'draft', lines: [], cart: undefined, addOn: { step: 'addon', base: baseOf(subscription) } };
  return saveAndShow(deps, turn, loaded, next, 'addon.subscriptionChosen', async (saved) =>
    addOnStepCard(saved, await addOnOptions(deps.catalog, ctx, await deps.catalog.getCustomer(ctx, customer.id), baseOf(subscription))));
}

/**
 * The add-on picked: legacy add-ons go straight to confirmation (the offers API has no prices); a
 * new-commerce one is priced in a Partner Center cart first, which checkout later updates and submits.
 */
export async function pickAddOn(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof addOnChoicePayload>): Promise<TurnResult> {
  const access = await openAddOn(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  const base = purchase.addOn.base;
  if (!hasCustomer(purchase) || !base) return { card: await stepCard(deps, purchase) };
  const ctx = callContext(purchase);
  const options = await addOnOptions(deps.catalog, ctx, await deps.catalog.getCustomer(ctx, purchase.customer.id), base);
  const option = options.find((o) => o.choice.id.toLowerCase() === p.addOnId.toLowerCase());
  if (!option) return { card: addOnStepCard(purchase, options, t(turn.locale, 'addon.choice.required')), audience: 'clicker' };
  const line = addOnLine(deps.newId(), option, base, option.choice.minQuantity);
  const chosen: WithCustomer<AddOnPurchase> = { ...purchase, status: 'priced', lines: [line], cart: undefined, addOn: { step: 'confirm', base, choice: option.choice } };
  if (!option.nce) return saveAndShow(deps, turn, loaded, chosen, 'addon.chosen', (saved) => addOnConfirmCard(saved));
  const work = priceNceAddOn(deps, turn, loaded, chosen, options);
  const progress = progressCard(t(turn.locale, 'addon.pricing.title'), purchase.customer.name, t(turn.locale, 'addon.pricing.text'));
  return answerWithin(deps.answerBudgetMs, work, progress, { gateway: deps.gateway, conversation: turn.conversation, activityId: turn.replyToId });
}

/** Never rejects (answerWithin): a failure shows the same add-on list again with Partner Center's answer. */
async function priceNceAddOn(
  deps: CustomerStepDeps, turn: ActionTurn, loaded: LoadedPurchase<AddOnPurchase>, chosen: WithCustomer<AddOnPurchase>, options: AddOnOption[],
): Promise<AdaptiveCard> {
  try {
    const cart = await deps.partnerCenter.createCart(callContext(chosen), chosen.customer.id, buildCartRequest(chosen.lines));
    const result = await saveAndShow(deps, turn, loaded, { ...chosen, cart }, 'addon.priced', (saved) => addOnConfirmCard(saved));
    return result.card;
  } catch (error) {
    deps.log.warn({ purchaseId: chosen.id, err: String(error) }, 'could not price the add-on');
    return addOnStepCard(loaded.purchase, options, t(turn.locale, 'addon.pricing.failed', { text: formatErrorForUser(error, turn.locale) }));
  }
}

/** "Back": one step up, forgetting what was chosen below it. "Try again" on a failed add-on is the same move. */
export async function addOnBack(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openAddOn(deps, turn, p, ['draft', 'priced', 'failed']);
  if (!access.ok) return access.result;
  const purchase = access.loaded.purchase;
  const state = purchase.addOn;
  const back: AddOnPurchase = state.step === 'confirm'
    ? { ...purchase, status: 'draft', lines: [], cart: undefined, checkout: undefined, addOn: { step: 'addon', base: state.base } }
    : state.step === 'addon'
      ? { ...purchase, status: 'draft', addOn: { step: 'subscription' } }
      : { ...purchase, status: 'draft', customer: undefined, addOn: { step: 'customer' } };
  return saveAndShow(deps, turn, access.loaded, back, 'addon.back', (saved) => stepCard(deps, saved));
}

export async function cancelAddOn(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openAddOn(deps, turn, p);
  if (!access.ok) return access.result;
  return saveAndShow(deps, turn, access.loaded, { ...access.loaded.purchase, status: 'cancelled' }, 'addon.cancelled');
}

/** "Add-on" on a subscription shown in another card: a new add-on purchase that starts at step 3. */
export async function addOnForSubscription(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof addOnForSubscriptionPayload>): Promise<TurnResult> {
  const purchase = newAddOnPurchase(deps, turn.actor, turn.conversation, turn.locale);
  const ctx = callContext(purchase);
  const [customerRead, subscriptionRead] = await Promise.all([
    readForRep(deps, turn.locale, deps.catalog.getCustomer(ctx, p.customerId)),
    readForRep(deps, turn.locale, deps.catalog.getSubscription(ctx, p.customerId, p.subscriptionId)),
  ]);
  const failure = customerRead.failure ?? subscriptionRead.failure;
  if (failure) return { card: noticeCard(t(turn.locale, 'failure.title'), failure), audience: 'clicker' };
  const customer = customerRead.value;
  const subscription = subscriptionRead.value;
  if (!customer || !subscription || addOnBases([subscription]).length === 0) {
    return startAddOn(deps, turn, '');
  }
  const base = baseOf(subscription);
  const created = await startPurchase(deps, { ...purchase, customer: customerRef(customer), addOn: { step: 'addon', base } }, turn.actor);
  await deps.recent.remember(turn.actor.aadObjectId, customerRef(customer));
  return { card: addOnStepCard(created.purchase, await addOnOptions(deps.catalog, ctx, customer, base)) };
}

async function stepCard(deps: CustomerStepDeps, purchase: AddOnPurchase): Promise<AdaptiveCard> {
  if (purchase.addOn.step === 'customer' || !purchase.customer) {
    return customerStepCard(purchase, { recent: await deps.recent.list(purchase.owner.aadObjectId), results: [], query: '' }, ADDON_CUSTOMER_VERBS);
  }
  return addOnCurrentCard(deps, purchase);
}
