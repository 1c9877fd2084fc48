import type { AvailabilityFixture, LegacyOfferFixture, ProductFixture, SkuFixture } from '../data/catalog-types';
import { link } from './links';

/** Partner-scoped links carry ?country=; customer-scoped ones live under /customers/{id} and imply it. */
export interface CatalogScope {
  prefix: string;
  country: string;
  customerScoped: boolean;
}

function uri(scope: CatalogScope, path: string): string {
  return scope.customerScoped ? `${scope.prefix}${path}` : `${scope.prefix}${path}?country=${scope.country}`;
}

export function productResource(scope: CatalogScope, product: ProductFixture): Record<string, unknown> {
  const base = `/products/${product.id}`;
  return {
    id: product.id,
    title: product.title,
    description: product.description,
    productType: product.productType,
    isMicrosoftProduct: product.publisherName === 'Microsoft Corporation',
    publisherName: product.publisherName,
    links: { skus: link(uri(scope, `${base}/skus`)), self: link(uri(scope, base)) },
    attributes: { objectType: 'Product' },
  };
}

export function skuResource(scope: CatalogScope, product: ProductFixture, sku: SkuFixture): Record<string, unknown> {
  const base = `/products/${product.id}/skus/${sku.id}`;
  const cycles = [...new Set(sku.availabilities.flatMap((a) => a.terms.map((t) => t.billingCycle.toLowerCase())))];
  return {
    id: sku.id,
    productId: product.id,
    title: sku.title,
    description: sku.description,
    minimumQuantity: sku.minimumQuantity,
    maximumQuantity: sku.maximumQuantity,
    isTrial: sku.isTrial === true,
    supportedBillingCycles: cycles.map((cycle) => (cycle === 'onetime' ? 'one_time' : cycle)),
    purchasePrerequisites: sku.purchasePrerequisites ?? [],
    inventoryVariables: [],
    provisioningVariables: sku.provisioningVariables ?? [],
    actions: product.family === 'nce_license' ? ['Refund'] : [],
    dynamicAttributes: { isAddon: sku.dynamicAttributes?.isAddon ?? false, ...sku.dynamicAttributes, isMicrosoftProduct: true },
    ...(sku.attestationProperties ? { attestationProperties: sku.attestationProperties } : {}),
    links: { availabilities: link(uri(scope, `${base}/availabilities`)), self: link(uri(scope, base)) },
    attributes: { objectType: 'Sku' },
  };
}

export function availabilityResource(
  scope: CatalogScope, product: ProductFixture, sku: SkuFixture, availability: AvailabilityFixture,
): Record<string, unknown> {
  const catalogItemId = `${product.id}:${sku.id}:${availability.id}`;
  const termed = availability.terms.filter((term) => term.duration !== undefined);
  return {
    id: availability.id,
    productId: product.id,
    skuId: sku.id,
    catalogItemId,
    defaultCurrency: { code: 'USD', symbol: '$' },
    segment: 'commercial',
    country: scope.country,
    isPurchasable: true,
    isRenewable: termed.length > 0,
    terms: termed.map((term, index) => ({
      id: `${availability.id.toLowerCase()}-${index}`,
      duration: term.duration,
      description: `${term.duration} commitment, ${term.billingCycle} billing`,
      billingCycle: term.billingCycle,
      ...(term.renewsTo ? { renewalOptions: [{ termDuration: term.renewsTo, description: `Renews to ${term.renewsTo}` }] } : {}),
      cancellationPolicies: [{ refundOptions: [{ sequenceId: 0, type: 'Full', expiresAfter: 'P7D' }] }],
    })),
    product: productResource(scope, product),
    sku: skuResource(scope, product, sku),
    links: { self: link(uri(scope, `/products/${product.id}/skus/${sku.id}/availabilities/${availability.id}`)) },
    attributes: { objectType: 'Availability' },
  };
}

export function offerResource(offer: LegacyOfferFixture, country: string, hasAddOns: boolean): Record<string, unknown> {
  return {
    id: offer.id,
    name: offer.name,
    description: offer.description,
    minimumQuantity: offer.minimumQuantity,
    maximumQuantity: offer.maximumQuantity,
    rank: 0,
    uri: `/offers/${offer.id}`,
    locale: 'en-US',
    country,
    category: { id: offer.family === 'azure_legacy' ? 'azure' : 'enterprise', name: offer.family === 'azure_legacy' ? 'Azure' : 'Enterprise', rank: 0, locale: 'en-US', country },
    prerequisiteOffers: offer.prerequisiteOffers,
    isAddOn: offer.isAddOn,
    hasAddOns,
    isAvailableForPurchase: true,
    billing: offer.billing,
    supportedBillingCycles: offer.supportedBillingCycles,
    isAutoRenewable: offer.billing === 'license',
    isTrial: false,
    product: { id: offer.id, name: offer.name, unit: offer.billing === 'usage' ? 'Usage-based' : 'Licenses' },
    unitType: offer.billing === 'usage' ? 'Usage-based' : 'Licenses',
    links: { self: link(`/offers/${offer.id}?country=${country}`) },
    attributes: { objectType: 'Offer' },
  };
}
