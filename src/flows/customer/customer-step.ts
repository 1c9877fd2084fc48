import { t } from '../../i18n/translate';
import type { Customer } from '../../partner-center/schemas';
import { searchCustomers } from './catalog-search';
import type { CustomerRef, Purchase } from '../purchase/purchase';
import type { LoadedPurchase } from '../purchase/purchase-repository';
import type { ActionTurn, TurnResult } from '../ports';
import type { CustomerStepDeps } from './customer-deps';
import { callContext } from '../purchase/purchase-deps';
import { readForRep } from '../purchase/read-for-rep';
import { customerStepCard, CustomerStepVerbs } from './customer-step-card';

type StepTurn = Pick<ActionTurn, 'actor' | 'locale'>;

/** The customer as a purchase keeps it, from the customer Partner Center returned. */
export function customerRef(customer: Customer): CustomerRef {
  return { id: customer.id, name: customer.companyProfile?.companyName ?? customer.id, domain: customer.companyProfile?.domain ?? undefined };
}

/** A phone shows five one-tap results without scrolling; a longer list asks for a narrower search. */
export const MAX_RESULTS = 5;

/**
 * A flow's customer step (cart, add-on, order, seats): the verbs of its card, and what the flow does once
 * its customer is known: `chosen` stores it on the purchase as read (one conditional write) and shows the
 * flow's next step.
 */
export interface CustomerStep<P extends Purchase> {
  verbs: CustomerStepVerbs;
  chosen: (loaded: LoadedPurchase<P>, picked: PickedCustomer) => Promise<TurnResult>;
}

/** The customer as Partner Center has it now, and as the purchase keeps it. */
interface PickedCustomer {
  customer: Customer;
  ref: CustomerRef;
}

/**
 * The customer step as a command opens it (`new cart`, `add-on`, `seats`, each with an optional customer):
 * without a query the rep's recent customers, with one that search done.
 */
export async function openCustomerStep<P extends Purchase>(
  deps: CustomerStepDeps, turn: StepTurn, loaded: LoadedPurchase<P>, query: string, step: CustomerStep<P>,
): Promise<TurnResult> {
  if (query) return searchCustomerStep(deps, turn, loaded, query, step);
  return { card: customerStepCard(loaded.purchase, { recent: await deps.recent.list(turn.actor.aadObjectId), results: [], query: '' }, step.verbs) };
}

/**
 * "Search" on the customer step card (or the command's customer): up to five results as one-tap buttons,
 * or a hint when the query is too short to search. Exactly one match moves on by itself, as if the rep had
 * tapped it; none says so and keeps the query in the search field.
 */
export async function searchCustomerStep<P extends Purchase>(
  deps: CustomerStepDeps, turn: StepTurn, loaded: LoadedPurchase<P>, query: string, step: CustomerStep<P>,
): Promise<TurnResult> {
  const purchase = loaded.purchase;
  const recent = await deps.recent.list(turn.actor.aadObjectId);
  if (query.length < 2) {
    return { card: customerStepCard(purchase, { recent, results: [], query: '', error: t(turn.locale, 'customer.queryTooShort') }, step.verbs), audience: 'clicker' };
  }
  const results = await searchCustomers(deps, purchase, query);
  if (results.length === 1) return pickCustomerStep(deps, turn, loaded, results[0].value, step);
  return { card: customerStepCard(purchase, { recent, results: results.slice(0, MAX_RESULTS), query }, step.verbs) };
}

/**
 * A customer button on the customer step (or the one match of a search): the button names only an id, so
 * the customer is read from Partner Center (never taken from the card) and becomes one of the rep's recent
 * customers before the flow moves on. When it cannot be read, the step again with why, for the clicker.
 */
export async function pickCustomerStep<P extends Purchase>(
  deps: CustomerStepDeps, turn: StepTurn, loaded: LoadedPurchase<P>, customerId: string, step: CustomerStep<P>,
): Promise<TurnResult> {
  const purchase = loaded.purchase;
  const read = await readForRep(deps, turn.locale, deps.catalog.getCustomer(callContext(purchase), customerId));
  const customer = read.value;
  if (!customer) {
    const recent = await deps.recent.list(turn.actor.aadObjectId);
    const error = read.failure ?? t(turn.locale, 'customer.required');
    return { card: customerStepCard(purchase, { recent, results: [], query: '', error }, step.verbs), audience: 'clicker' };
  }
  const ref = customerRef(customer);
  await deps.recent.remember(turn.actor.aadObjectId, ref);
  return step.chosen(loaded, { customer, ref });
}
