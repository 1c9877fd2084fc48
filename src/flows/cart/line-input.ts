import { t } from '../../i18n/translate';
import type { DraftLine } from '../purchase/purchase';
import type { ProductOffering } from './offering';
import { NO_COTERM, provisioningInputPrefix, provisioningValueSchema, type saveLinePayload } from './payloads';
import type { LineFormState } from './views/line-card';
import type { z } from 'zod';

type SaveLineInput = z.infer<typeof saveLinePayload>;

const PARTNER_ID = /^\d{1,12}$/;
const PROMOTION_ID = /^[A-Z0-9]{4,20}:[A-Z0-9]{4}:[A-Z0-9]{4,20}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Partner Center allows at most five additional_transaction_reseller participants (create-a-cart). */
const MAX_ADDITIONAL_RESELLERS = 5;

/**
 * Checks the line card's inputs against the catalog the card was built from. Everything is re-derived
 * from the catalog (the option's SKU, availability, term and cycle); the card only names a choice.
 */
export function parseLineInput(
  locale: string, input: SaveLineInput, offering: ProductOffering, lineId: string,
): { line: DraftLine } | { form: LineFormState } {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) if (typeof value === 'string') values[key] = value;
  const errors: Record<string, string> = {};

  const option = offering.options.find((o) => o.value === input.offer);
  if (!option) errors.offer = t(locale, input.offer ? 'line.unknownOffer' : 'line.offerRequired');

  const min = option?.sku.minimumQuantity ?? offering.minQuantity;
  const max = option?.sku.maximumQuantity ?? offering.maxQuantity;
  const quantity = /^\d{1,9}$/.test(input.quantity) ? Number(input.quantity) : NaN;
  if (!Number.isInteger(quantity) || quantity < min || quantity > max) errors.quantity = t(locale, 'line.quantityRange', { min, max });

  const provisioningContext: Record<string, string> = {};
  for (const name of option?.sku.provisioningVariables ?? []) {
    const raw = input[provisioningInputPrefix + name];
    const parsed = provisioningValueSchema.safeParse(typeof raw === 'string' ? raw : '');
    if (!parsed.success || parsed.data === '') errors[provisioningInputPrefix + name] = t(locale, 'line.provisioningRequired', { name });
    else provisioningContext[name] = parsed.data;
  }

  if (input.promotionId && !PROMOTION_ID.test(input.promotionId)) errors.promotionId = t(locale, 'line.promotionInvalid');
  const endDate = input.customTermEndDate || (input.coterm === NO_COTERM ? '' : input.coterm);
  if (endDate && (!ISO_DATE.test(endDate) || Number.isNaN(Date.parse(endDate)))) {
    errors.customTermEndDate = t(locale, 'line.customTermEndDateInvalid');
  }
  const additional = input.additionalResellers.split(/[,;\s]+/).filter((id) => id.length > 0);
  if ((input.transactionReseller && !PARTNER_ID.test(input.transactionReseller))
    || additional.length > MAX_ADDITIONAL_RESELLERS || additional.some((id) => !PARTNER_ID.test(id))) {
    errors.resellers = t(locale, 'line.resellerInvalid');
  }

  if (!option || Object.keys(errors).length > 0) return { form: { values, errors } };
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
      friendlyName: input.friendlyName || undefined,
      promotionId: input.promotionId || undefined,
      customTermEndDate: endDate ? `${endDate}T00:00:00Z` : undefined,
      renewsToTermDuration: option.billingCycle === 'none' && /^P1[MY]$/.test(input.renewsTo) ? input.renewsTo : undefined,
      provisioningContext,
      transactionReseller: input.transactionReseller || undefined,
      additionalResellers: additional,
      attestationType: attestation?.enforceAttestation ? (attestation.attestationType ?? 'required') : undefined,
    },
  };
}
