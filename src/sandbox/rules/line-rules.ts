import type { BillingCycle } from '../contract/enums';
import type { CartError } from '../contract/resources';
import type { Catalog, Purchasable } from '../catalog';
import { isAllowedCustomTermEndDate } from './custom-term-end-date';
import { termMonths } from './durations';
import { checkTermAndBillingCycle } from './term-rules';

/** The purchase-relevant part of a cart line or order line, whatever API it came from. */
interface LineChoice {
  billingCycle: BillingCycle;
  termDuration?: string | null;
  quantity: number;
  customTermEndDate?: string | null;
  promotionId?: string | null;
  provisioningContext?: Record<string, string> | null;
  participants?: { key: string; value: string }[] | null;
}

/** What the rules need to know about the customer at validation time. */
export interface CustomerFacts {
  now: Date;
  /** `product:sku` of every active subscription (NCE add-on prerequisites). */
  ownedProductSkus: string[];
  /** commitmentEndDate of every active non-trial NCE subscription (co-termination). */
  activeNceEndDates: Date[];
}

const MAX_ADDITIONAL_RESELLERS = 5;
const RESERVATION_SCOPES = ['shared', 'single'];

type Rule = (purchasable: Purchasable, line: LineChoice, lineNumber: number, facts: CustomerFacts, catalog: Catalog) => CartError | undefined;

const quantityWithinSkuLimits: Rule = (purchasable, line, lineNumber) =>
  // 900275 rather than 10015: 10015 is a per-subscription seat cap and says nothing about a minimum.
  line.quantity < purchasable.minimumQuantity || line.quantity > purchasable.maximumQuantity
    ? { errorCode: 900275, errorDescription: `The requested quantity for line item ${lineNumber} is not within the allowed quantity for this offer.` }
    : undefined;

/**
 * Every SKU provisioningVariable must be in provisioningContext. `duration` may be left out when the
 * line carries a termDuration: create-a-cart.md's reserved-instance lines send only subscriptionId and
 * scope plus termDuration, while the SDK samples without a term send duration.
 */
const provisioningContextComplete: Rule = (purchasable, line) => {
  const context = Object.fromEntries(Object.entries(line.provisioningContext ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const missing = purchasable.provisioningVariables.filter(
    (name) => !context[name.toLowerCase()] && !(name.toLowerCase() === 'duration' && line.termDuration),
  );
  if (missing.length > 0) {
    return { errorCode: 10010, errorDescription: `Missing provisioning context: ${missing.join(', ')}.` };
  }
  const scope = context['scope'];
  if (scope !== undefined && purchasable.provisioningVariables.some((n) => n.toLowerCase() === 'scope') && !RESERVATION_SCOPES.includes(scope.toLowerCase())) {
    return { errorCode: 10010, errorDescription: `Invalid provisioning context value for scope: '${scope}'.` };
  }
  return undefined;
};

const yearsOfDuration = (duration: string): number | undefined => {
  const years = /^(\d+)\s*years?$/i.exec(duration.trim())?.[1];
  return years ? Number(years) : undefined;
};

/**
 * A reserved instance's provisioningContext `duration` ("1Year", "3Years") and its termDuration must name
 * the same length: a 3-year term cannot carry `duration: 1Year` (one reservation, one length).
 */
const reservationDurationMatchesTerm: Rule = (_purchasable, line, lineNumber) => {
  const duration = Object.entries(line.provisioningContext ?? {}).find(([key]) => key.toLowerCase() === 'duration')?.[1];
  if (duration === undefined || !line.termDuration) return undefined;
  const months = termMonths(line.termDuration);
  const years = yearsOfDuration(duration);
  return years !== undefined && months === years * 12
    ? undefined
    : { errorCode: 10010, errorDescription: `Line item ${lineNumber}: the provisioning context duration '${duration}' does not match the term '${line.termDuration}'.` };
};

/** cart-resources.md: at most 5 additional_transaction_reseller entries, and one transaction_reseller. */
const participantsWithinLimits: Rule = (_purchasable, line) => {
  const participants = line.participants ?? [];
  const count = (key: string): number => participants.filter((p) => p.key.toLowerCase() === key).length;
  if (count('additional_transaction_reseller') > MAX_ADDITIONAL_RESELLERS) {
    return { errorCode: 10010, errorDescription: `At most ${MAX_ADDITIONAL_RESELLERS} additional_transaction_reseller participants are allowed.` };
  }
  if (count('transaction_reseller') > 1) {
    return { errorCode: 10010, errorDescription: 'Only one transaction_reseller participant is allowed.' };
  }
  return undefined;
};

const addOnHasBase: Rule = (purchasable, _line, _lineNumber, facts) => {
  const prerequisites = purchasable.prerequisiteSkus;
  if (!prerequisites) return undefined;
  const owned = new Set(facts.ownedProductSkus.map((id) => id.toUpperCase()));
  return prerequisites.some((id) => owned.has(id.toUpperCase()))
    ? undefined
    : { errorCode: 400041, errorDescription: 'The addon is not purchasable without a compatible base product' };
};

const customTermEndDateAllowed: Rule = (purchasable, line, lineNumber, facts) => {
  if (!line.customTermEndDate) return undefined;
  if (!purchasable.isNce || purchasable.isTrial) {
    return { errorCode: 10016, errorDescription: `Line item ${lineNumber}: custom term end dates apply only to license-based new-commerce products.` };
  }
  return isAllowedCustomTermEndDate(line.customTermEndDate, facts.now, facts.activeNceEndDates)
    ? undefined
    : {
        errorCode: 10017,
        errorDescription: `The custom term end date specified for line item ${lineNumber} does not match with the end date of any active non-trial OnlineServicesNCE subscription or align with the end of the calendar month.`,
      };
};

const promotionApplies: Rule = (purchasable, line, _lineNumber, _facts, catalog) => {
  if (!line.promotionId) return undefined;
  const promotion = catalog.promotion(line.promotionId);
  const productSku = purchasable.catalogPath ? `${purchasable.catalogPath.productId}:${purchasable.catalogPath.skuId}` : '';
  const applies =
    promotion !== undefined &&
    promotion.productSku.toUpperCase() === productSku.toUpperCase() &&
    promotion.termDuration.toUpperCase() === (line.termDuration ?? '').toUpperCase();
  return applies ? undefined : { errorCode: 10014, errorDescription: `The promotion ID ${line.promotionId} is not valid for this line item.` };
};

const RULES: Rule[] = [
  provisioningContextComplete,
  reservationDurationMatchesTerm,
  (purchasable, line, lineNumber) => checkTermAndBillingCycle(purchasable, withReservationTerm(purchasable, line), lineNumber),
  quantityWithinSkuLimits,
  participantsWithinLimits,
  addOnHasBase,
  customTermEndDateAllowed,
  promotionApplies,
];

/**
 * create-a-cart.md's SDK samples buy reserved instances with `duration` ("1Year", "3Years") in the
 * provisioningContext and no termDuration; the REST samples send termDuration instead. Either names the term.
 */
export function withReservationTerm<T extends LineChoice>(purchasable: Purchasable, line: T): T {
  if (line.termDuration || !purchasable.provisioningVariables.some((name) => name.toLowerCase() === 'duration')) return line;
  const duration = Object.entries(line.provisioningContext ?? {}).find(([key]) => key.toLowerCase() === 'duration')?.[1];
  const years = duration ? yearsOfDuration(duration) : undefined;
  return years ? { ...line, termDuration: `P${years}Y` } : line;
}

/** The first rule a line breaks, as the CartError Partner Center puts on the line (cart still 201). */
export function firstLineError(
  catalog: Catalog, catalogItemId: string, line: LineChoice, lineNumber: number, facts: CustomerFacts,
): { purchasable?: Purchasable; error?: CartError } {
  const purchasable = catalog.resolve(catalogItemId);
  if (!purchasable) {
    return { error: { errorCode: 10001, errorDescription: `The catalog item ID ${catalogItemId} is not valid.` } };
  }
  for (const rule of RULES) {
    const error = rule(purchasable, line, lineNumber, facts, catalog);
    if (error) return { purchasable, error };
  }
  return { purchasable };
}
