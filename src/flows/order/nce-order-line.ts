import { t } from '../../i18n/translate';
import { isPartnerCenterError } from '../../partner-center';
import { billingCycleSchema, type Availability, type Sku } from '../../partner-center/schemas';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';
import { termLabel } from '../views/format';
import type { DraftLine, OrderPurchase, WithCustomer } from '../purchase/purchase';
import type { LineOutcome } from './order-lines';

/** A new-commerce catalog item id, as New-PartnerCustomerOrder and the orders API take it: product:sku:availability. */
export const CATALOG_ITEM_ID = /^([A-Z0-9]{12}):([A-Z0-9]{4}):([A-Z0-9]{12})$/i;

interface NceOrderInput {
  catalogItemId: string;
  quantity: number;
  termDuration: string;
  friendlyName: string;
}

/** The terms the availability offers for the order's billing cycle (its terms[]). */
export function termsFor(availability: Availability, purchase: OrderPurchase): string[] {
  const cycle = purchase.order.billingCycle;
  return (availability.terms ?? [])
    .filter((term) => term.duration && billingCycleSchema.parse(term.billingCycle) === cycle)
    .map((term) => term.duration ?? '');
}

async function readCatalogItem(deps: PurchaseDeps, purchase: WithCustomer<OrderPurchase>, catalogItemId: string): Promise<{ sku: Sku; availability: Availability } | undefined> {
  const [, productId = '', skuId = '', availabilityId = ''] = CATALOG_ITEM_ID.exec(catalogItemId) ?? [];
  const ctx = callContext(purchase);
  const customerId = purchase.customer.id;
  try {
    // The availability is re-read, never cached: availability ids rotate (400019).
    const [sku, availability] = await Promise.all([
      deps.catalog.getSku(ctx, customerId, productId, skuId),
      deps.catalog.getAvailability(ctx, customerId, productId, skuId, availabilityId),
    ]);
    return { sku, availability };
  } catch (error) {
    if (isPartnerCenterError(error) && (error.kind === 'not_found' || error.kind === 'business')) return undefined;
    throw error;
  }
}

/**
 * One order line for a new-commerce catalog item: the SKU and availability are read from Partner Center
 * (title, quantity limits, terms), and the term must be one the availability offers for the order's
 * billing cycle, with the same checks as a cart line (400039 / 900270 otherwise).
 */
export async function nceOrderLine(deps: PurchaseDeps, purchase: WithCustomer<OrderPurchase>, input: NceOrderInput): Promise<LineOutcome> {
  const locale = purchase.locale;
  const item = await readCatalogItem(deps, purchase, input.catalogItemId);
  if (!item || item.availability.isPurchasable === false) return { error: t(locale, 'order.offerUnknown', { offerId: input.catalogItemId }) };
  const { sku, availability } = item;
  if (sku.dynamicAttributes?.isAddon === true) return { error: t(locale, 'order.offerIsAddOn', { name: sku.title }) };
  const min = Math.max(1, sku.minimumQuantity ?? 1);
  const max = Math.max(min, sku.maximumQuantity ?? 10000);
  if (input.quantity < min || input.quantity > max) return { error: t(locale, 'line.quantityRange', { min, max }) };
  const terms = termsFor(availability, purchase);
  if (!terms.includes(input.termDuration)) {
    return { error: t(locale, 'order.termRequired', { terms: terms.map((term) => `${term} (${termLabel(locale, term)})`).join(', ') || '—' }) };
  }
  const line: DraftLine = {
    lineId: deps.newId(),
    productId: availability.productId,
    productTitle: sku.title,
    skuId: sku.id,
    skuTitle: sku.title,
    availabilityId: availability.id,
    catalogItemId: availability.catalogItemId,
    quantity: input.quantity,
    billingCycle: purchase.order?.billingCycle ?? 'monthly',
    termDuration: input.termDuration,
    friendlyName: input.friendlyName || undefined,
    provisioningContext: {},
    additionalResellers: [],
  };
  return { line };
}
