import { t } from '../../i18n/translate';
import type { Customer } from '../../partner-center/schemas';
import { searchCustomers } from './catalog-search';
import type { CustomerRef, Purchase } from '../purchase/purchase';
import type { ActionTurn, TurnResult } from '../ports';
import type { CustomerStepDeps } from './customer-deps';
import { callContext } from '../purchase/purchase-deps';
import { readForRep } from '../purchase/read-for-rep';
import { customerStepCard, CustomerStepVerbs } from './customer-step-card';

/** The customer as a purchase keeps it, from the customer Partner Center returned. */
export function customerRef(customer: Customer): CustomerRef {
  return { id: customer.id, name: customer.companyProfile?.companyName ?? customer.id, domain: customer.companyProfile?.domain ?? undefined };
}

/** A phone shows five one-tap results without scrolling; a longer list asks for a narrower search. */
export const MAX_RESULTS = 5;

/**
 * "Search" on the customer step card, shared by the cart, add-on, order and seats flows (each with its own
 * verbs): up to five results as one-tap buttons, or a hint when the query is too short to search. Given
 * `onlyMatch`, a search that finds exactly one customer moves on by itself, as if the rep had tapped it.
 */
export async function searchCustomerStep(
  deps: CustomerStepDeps, turn: Pick<ActionTurn, 'actor' | 'locale'>, purchase: Purchase, query: string, verbs: CustomerStepVerbs,
  onlyMatch?: (customerId: string) => Promise<TurnResult>,
): Promise<TurnResult> {
  const recent = await deps.recent.list(turn.actor.aadObjectId);
  if (query.length < 2) {
    return { card: customerStepCard(purchase, { recent, results: [], query: '', error: t(turn.locale, 'customer.queryTooShort') }, verbs), audience: 'clicker' };
  }
  const results = await searchCustomers(deps, purchase, query);
  if (onlyMatch && results.length === 1) return onlyMatch(results[0].value);
  return { card: customerStepCard(purchase, { recent, results: results.slice(0, MAX_RESULTS), query }, verbs) };
}

/**
 * A customer button on the customer step: the button names only an id, so the customer is read from
 * Partner Center (never taken from the card) and becomes one of the rep's recent customers. When it
 * cannot be read, the step again with why, for the clicker.
 */
export async function pickedCustomer(
  deps: CustomerStepDeps, turn: Pick<ActionTurn, 'actor' | 'locale'>, purchase: Purchase, customerId: string, verbs: CustomerStepVerbs,
): Promise<{ customer: Customer; ref: CustomerRef } | { result: TurnResult }> {
  const read = await readForRep(deps, turn.locale, deps.catalog.getCustomer(callContext(purchase), customerId));
  const customer = read.value;
  if (!customer) {
    const recent = await deps.recent.list(turn.actor.aadObjectId);
    const error = read.failure ?? t(turn.locale, 'customer.required');
    return { result: { card: customerStepCard(purchase, { recent, results: [], query: '', error }, verbs), audience: 'clicker' } };
  }
  const ref = customerRef(customer);
  await deps.recent.remember(turn.actor.aadObjectId, ref);
  return { customer, ref };
}
