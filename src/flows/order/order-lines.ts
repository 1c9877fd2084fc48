import { t } from '../../i18n/translate';
import { isPartnerCenterError } from '../../partner-center';
import { billingCycleSchema, type Offer } from '../../partner-center/schemas';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';
import type { DraftLine, OrderPurchase, WithCustomer } from '../purchase/purchase';
import { parseResellers, PROMOTION_ID } from '../purchase/attribution';
import { CATALOG_ITEM_ID, nceOrderLine, termsFor } from './nce-order-line';
import type { OrderBillingCycle } from '../purchase/order-state';
import { offerCountry } from '../customer/offer-country';
import { parseQuantity, quantityWithin } from '../quantity';

/** Legacy offer ids are GUIDs (New-PartnerCustomerOrder example 1: 031C9E47-…) or like MS-AZR-0145P. */
const OFFER_ID = /^[A-Za-z0-9-]{6,64}$/;

export type LineOutcome = { line: DraftLine } | { error: string };

/** What the draft card sends for a line, as New-PartnerCustomerOrder's PSOrderLineItem has it. */
interface OrderLineInput {
  offerId: string;
  quantity: string;
  termDuration: string;
  friendlyName: string;
  promotionId: string;
  transactionReseller: string;
  additionalResellers: string;
}

/** PartnerIdOnRecord, AdditionalPartnerIdsOnRecord and PromotionId, checked as the cart's line card checks them. */
function withAttribution(locale: string, input: OrderLineInput, outcome: LineOutcome): LineOutcome {
  if ('error' in outcome) return outcome;
  if (input.promotionId && !PROMOTION_ID.test(input.promotionId)) return { error: t(locale, 'line.promotionInvalid') };
  const resellers = parseResellers(input.transactionReseller, input.additionalResellers);
  if (!resellers) return { error: t(locale, 'line.resellerInvalid') };
  return { line: { ...outcome.line, ...resellers, ...(input.promotionId ? { promotionId: input.promotionId } : {}) } };
}

/**
 * One order line from an offer id: the offer is read from Partner Center (name, quantity limits, add-on
 * or not), never taken from the card. Add-ons need their base subscription: they go through `add-on`.
 */
export async function orderLine(deps: PurchaseDeps, purchase: WithCustomer<OrderPurchase>, input: OrderLineInput): Promise<LineOutcome> {
  return withAttribution(purchase.locale, input, await offerLine(deps, purchase, input));
}

async function offerLine(deps: PurchaseDeps, purchase: WithCustomer<OrderPurchase>, input: OrderLineInput): Promise<LineOutcome> {
  const locale = purchase.locale;
  const { offerId, quantity: quantityText } = input;
  if (CATALOG_ITEM_ID.test(offerId)) {
    const quantity = parseQuantity(quantityText);
    if (quantity === undefined) return { error: t(locale, 'line.quantityRange', { min: 1, max: 10000 }) };
    return nceOrderLine(deps, purchase, { catalogItemId: offerId, quantity, termDuration: input.termDuration.toUpperCase(), friendlyName: input.friendlyName });
  }
  if (!OFFER_ID.test(offerId)) return { error: t(locale, 'order.offerIdInvalid') };
  const offer = await readOffer(deps, purchase, offerId);
  if (!offer) return { error: t(locale, 'order.offerUnknown', { offerId }) };
  if (offer.isAddOn) return { error: t(locale, 'order.offerIsAddOn', { name: offer.name }) };
  if (offer.isAvailableForPurchase === false) return { error: t(locale, 'order.offerUnavailable', { name: offer.name }) };
  const min = Math.max(1, offer.minimumQuantity ?? 1);
  const max = Math.max(min, offer.maximumQuantity ?? 10000);
  const quantity = quantityWithin(quantityText, min, max);
  if (quantity === undefined) return { error: t(locale, 'line.quantityRange', { min, max }) };
  return {
    line: {
      lineId: deps.newId(), productId: offer.id, productTitle: offer.name, skuId: '', skuTitle: offer.name,
      catalogItemId: offer.id, quantity, billingCycle: 'monthly', friendlyName: input.friendlyName || offer.name, provisioningContext: {}, additionalResellers: [],
    },
  };
}

/** Offers whose supported billing cycles leave out the order's one (or `none` for a paid offer). */
export async function linesRefusingCycle(deps: PurchaseDeps, purchase: WithCustomer<OrderPurchase>, cycle: OrderBillingCycle): Promise<string[]> {
  const refused: string[] = [];
  for (const line of purchase.lines) {
    if (line.availabilityId) {
      const availability = await deps.catalog.getAvailability(callContext(purchase), purchase.customer.id, line.productId, line.skuId, line.availabilityId);
      if (!termsFor(availability, { ...purchase, order: { billingCycle: cycle } }).includes(line.termDuration ?? '')) refused.push(line.productTitle);
      continue;
    }
    const offer = await readOffer(deps, purchase, line.catalogItemId);
    const supported = (offer?.supportedBillingCycles ?? []).map((c) => billingCycleSchema.parse(c));
    // BillingCycleType `none` is for trials and offers without charge (product-resources.md).
    const allowed = cycle === 'none' ? offer?.isTrial === true || offer?.billing === 'none' : supported.includes(cycle);
    if (!allowed) refused.push(line.productTitle);
  }
  return refused;
}

async function readOffer(deps: PurchaseDeps, purchase: WithCustomer<OrderPurchase>, offerId: string): Promise<Offer | undefined> {
  const ctx = callContext(purchase);
  const customer = await deps.catalog.getCustomer(ctx, purchase.customer.id);
  try {
    return await deps.catalog.getOffer(ctx, offerId, offerCountry(customer));
  } catch (error) {
    if (isPartnerCenterError(error) && (error.kind === 'not_found' || error.kind === 'business')) return undefined;
    throw error;
  }
}
