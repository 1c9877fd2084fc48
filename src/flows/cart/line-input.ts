import type { z } from 'zod';
import { t } from '../../i18n/translate';
import type { DraftLine } from '../purchase/purchase';
import { parseResellers, PROMOTION_ID } from '../purchase/attribution';
import { canCoterminate, type OfferOption, type ProductOffering } from './offering';
import { termLabel } from '../views/format';
import {
  LINE_INPUT_LIMITS, NO_COTERM, PROVISIONING_VALUE_LIMIT, provisioningInputPrefix,
  type LineInputName, type saveLinePayload,
} from './payloads';
import type { LineFormState } from './views/line-card';
import { isDurationVariable, reservationDuration } from './reservation-duration';
import { cardInputText, quantityWithin } from '../quantity';

type SaveLineInput = z.infer<typeof saveLinePayload>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** renewsTo on a trial line takes the paid term it converts to (create-a-cart: P1M or P1Y). */
const RENEWAL_TERM = /^P1[MY]$/;

/** Inputs that share one message on the card: the co-termination choice and the date, the reseller ids. */
const MESSAGE_SLOT: Partial<Record<LineInputName, string>> = {
  coterm: 'customTermEndDate',
  transactionReseller: 'resellers',
  additionalResellers: 'resellers',
};

/** A co-termination choice is `term|date` (CotermChoice.value). */
const COTERM_CHOICE = /^(P\d+[MY])\|(\d{4}-\d{2}-\d{2})$/;

/**
 * The customTermEndDate of the line: a listed choice or a typed date, and only one Partner Center lists
 * for the chosen term (custom-term-end-dates), on a choice that can carry one at all. Anything else would
 * come back as line error 10016 or 10017 at review; the card data is never trusted to have checked it.
 */
function cotermEndDate(reader: LineInputReader, locale: string, offering: ProductOffering, option: OfferOption | undefined): string {
  const coterm = reader.field('coterm');
  const chosen = coterm === '' || coterm === NO_COTERM ? undefined : COTERM_CHOICE.exec(coterm);
  const endDate = reader.field('customTermEndDate') || chosen?.[2] || (chosen === null ? coterm : '');
  if (!endDate) return '';
  if (!ISO_DATE.test(endDate) || Number.isNaN(Date.parse(endDate))) {
    reader.refuse('customTermEndDate', t(locale, 'line.customTermEndDateInvalid'));
    return '';
  }
  if (!option) return endDate;
  const listing = canCoterminate(offering.product, option) ? offering.cotermListings.find((l) => l.termDuration === option.termDuration) : undefined;
  if (!listing) reader.refuse('customTermEndDate', t(locale, 'line.cotermNotSupported'));
  else if (chosen && chosen[1] !== option.termDuration && !reader.field('customTermEndDate')) {
    reader.refuse('customTermEndDate', t(locale, 'line.cotermOtherTerm', { term: termLabel(locale, chosen[1] ?? '') }));
  } else if (!listing.dates.some((d) => d.date === endDate)) reader.refuse('customTermEndDate', t(locale, 'line.cotermNotListed'));
  return endDate;
}

/** Reads the card's inputs one by one: what the rep typed (bounded, for the card) and a message per bad field. */
class LineInputReader {
  readonly values: Record<string, string> = {};
  readonly errors: Record<string, string> = {};

  constructor(
    private readonly locale: string,
    private readonly input: SaveLineInput,
  ) {}

  field(name: LineInputName): string {
    return this.read(name, LINE_INPUT_LIMITS[name], MESSAGE_SLOT[name] ?? name);
  }

  provisioning(variable: string): string {
    const id = provisioningInputPrefix + variable;
    return this.read(id, PROVISIONING_VALUE_LIMIT, id);
  }

  refuse(slot: string, message: string): void {
    this.errors[slot] ??= message;
  }

  private read(id: string, max: number, slot: string): string {
    const raw = Object.prototype.hasOwnProperty.call(this.input, id) ? this.input[id] : undefined;
    const parsed = cardInputText.safeParse(raw);
    if (!parsed.success) {
      this.refuse(slot, t(this.locale, 'line.valueUnusable'));
      return '';
    }
    if (parsed.data.length > max) {
      this.values[id] = parsed.data.slice(0, max);
      this.refuse(slot, t(this.locale, 'line.tooLong', { max }));
      return '';
    }
    this.values[id] = parsed.data;
    return parsed.data;
  }
}

/**
 * Checks the line card's inputs against the catalog the card was built from. Everything is re-derived
 * from the catalog (the option's SKU, availability, term and cycle); the card only names a choice, and
 * any other key a payload carries (a price, a catalog item id) is never read.
 */
export function parseLineInput(
  locale: string, input: SaveLineInput, offering: ProductOffering, lineId: string,
): { line: DraftLine } | { form: LineFormState } {
  const reader = new LineInputReader(locale, input);
  const offer = reader.field('offer');
  const option = offering.options.find((o) => o.value === offer);
  if (!option) {
    // A value that is not one of the card's choices was never the rep's pick: the choice set starts over.
    delete reader.values.offer;
    reader.refuse('offer', t(locale, offer ? 'line.unknownOffer' : 'line.offerRequired'));
  }

  const min = option?.sku.minimumQuantity ?? offering.minQuantity;
  const max = option?.sku.maximumQuantity ?? offering.maxQuantity;
  const quantityText = reader.field('quantity');
  const quantity = quantityWithin(quantityText, min, max);
  if (quantity === undefined) reader.refuse('quantity', t(locale, 'line.quantityRange', { min, max }));

  const provisioningContext: Record<string, string> = {};
  for (const variable of offering.provisioningVariables) {
    if (!option?.sku.provisioningVariables?.includes(variable)) continue;
    const fromTerm = isDurationVariable(variable) ? reservationDuration(option.termDuration) : undefined;
    const value = fromTerm ?? reader.provisioning(variable);
    if (value) provisioningContext[variable] = value;
    else reader.refuse(provisioningInputPrefix + variable, t(locale, 'line.provisioningRequired', { name: variable }));
  }

  const friendlyName = reader.field('friendlyName');
  const promotionId = reader.field('promotionId');
  if (promotionId && !PROMOTION_ID.test(promotionId)) reader.refuse('promotionId', t(locale, 'line.promotionInvalid'));
  const endDate = cotermEndDate(reader, locale, offering, option);
  const renewsTo = reader.field('renewsTo');
  const isTrial = option?.billingCycle === 'none';
  if (isTrial && renewsTo && !RENEWAL_TERM.test(renewsTo)) reader.refuse('renewsTo', t(locale, 'line.renewsToInvalid'));
  const resellers = parseResellers(reader.field('transactionReseller'), reader.field('additionalResellers'));
  if (!resellers) reader.refuse('resellers', t(locale, 'line.resellerInvalid'));

  if (!option || quantity === undefined || Object.keys(reader.errors).length > 0) return { form: { values: reader.values, errors: reader.errors } };
  const attestation = option.sku.attestationProperties;
  return {
    line: {
      lineId,
      productId: offering.product.id,
      productTitle: offering.product.title,
      skuId: option.sku.id,
      skuTitle: option.sku.title,
      availabilityId: option.availability.id,
      catalogItemId: option.availability.catalogItemId,
      quantity,
      billingCycle: option.billingCycle,
      termDuration: option.termDuration,
      friendlyName: friendlyName || undefined,
      promotionId: promotionId || undefined,
      customTermEndDate: endDate ? `${endDate}T00:00:00Z` : undefined,
      renewsToTermDuration: isTrial && renewsTo ? renewsTo : undefined,
      provisioningContext,
      transactionReseller: resellers?.transactionReseller,
      additionalResellers: resellers?.additionalResellers ?? [],
      attestationType: attestation?.enforceAttestation ? (attestation.attestationType ?? 'required') : undefined,
    },
  };
}
