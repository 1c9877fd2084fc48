import type { BillingCycle } from '../contract/enums';
import type { CartError } from '../contract/resources';
import { termBillingCycle, type Purchasable } from '../catalog';
import type { TermFixture } from '../data/catalog-types';
import { billingCycleMonths, termMonths } from './durations';

interface TermChoice {
  billingCycle: BillingCycle;
  termDuration?: string | null;
}

/** The availability term that matches the line's (duration, billing cycle), if the availability offers it. */
export function findTerm(purchasable: Purchasable, choice: TermChoice): TermFixture | undefined {
  return purchasable.terms?.find(
    (term) =>
      (term.duration ?? '').toUpperCase() === (choice.termDuration ?? '').toUpperCase() &&
      termBillingCycle(term) === choice.billingCycle,
  );
}

/**
 * Valid (termDuration, billingCycle) pairs come from the availability's terms[] (new-commerce docs).
 * Legacy offers have no availability: only their supported billing cycles are checked (10013).
 */
export function checkTermAndBillingCycle(purchasable: Purchasable, choice: TermChoice, lineNumber: number): CartError | undefined {
  const availabilityId = purchasable.catalogPath?.availabilityId;
  if (!purchasable.terms || !availabilityId) {
    return purchasable.supportedBillingCycles.includes(choice.billingCycle)
      ? undefined
      : { errorCode: 10013, errorDescription: `Billing cycle '${choice.billingCycle}' is not supported for offer ${purchasable.id}.` };
  }
  const term = choice.termDuration ?? '';
  const offersTerm = purchasable.terms.some((candidate) => (candidate.duration ?? '').toUpperCase() === term.toUpperCase());
  if (!offersTerm) {
    // Wording observed on a live cart line (Partner-Center-PowerShell #388), including the empty-term case.
    return { errorCode: 400039, errorDescription: `Availability ${availabilityId} referenced by line item ${lineNumber} does not support term '${term}'.` };
  }
  const cycleMonths = billingCycleMonths(choice.billingCycle);
  const months = term === '' ? undefined : termMonths(term);
  if (cycleMonths !== undefined && months !== undefined && cycleMonths > months) {
    return { errorCode: 900270, errorDescription: 'The billing cycle cannot be longer than the term.' };
  }
  if (!findTerm(purchasable, choice)) {
    return {
      errorCode: 400039,
      errorDescription: `Availability ${availabilityId} referenced by line item ${lineNumber} does not support billing cycle '${choice.billingCycle}' for term '${term}'.`,
    };
  }
  return undefined;
}
