import { billingCycleOfTerm, type BillingCycle } from './contract/enums';
import { azurePlan, reservedVmInstances } from './data/catalog-azure';
import { nceProducts } from './data/catalog-nce';
import { marketplaceSaas, perpetualSoftware } from './data/catalog-software-saas';
import type {
  AvailabilityFixture, LegacyOfferFixture, ProductFixture, PurchaseFamily, SkuFixture, TermFixture,
} from './data/catalog-types';
import { legacyOffers } from './data/offers';
import { promotions, type PromotionFixture } from './data/promotions';

/** Everything the cart/order rules need about one purchasable id, whether a catalog item or a legacy offer. */
export interface Purchasable {
  id: string;
  family: PurchaseFamily | LegacyOfferFixture['family'];
  title: string;
  skuTitle: string;
  productType: { id: string; displayName: string };
  isNce: boolean;
  isTrial: boolean;
  minimumQuantity: number;
  maximumQuantity: number;
  /** Undefined for legacy offers: they have no availabilities, so no term rules apply. */
  terms?: TermFixture[];
  supportedBillingCycles: BillingCycle[];
  provisioningVariables: string[];
  attestation?: { attestationType: string; enforceAttestation: boolean };
  prerequisiteSkus?: string[];
  /** Monthly price per unit for legacy offers. */
  legacyListPrice?: number;
  catalogPath?: { productId: string; skuId: string; availabilityId: string };
}

interface CatalogItem {
  product: ProductFixture;
  sku: SkuFixture;
  availability: AvailabilityFixture;
}

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function termBillingCycle(term: TermFixture): BillingCycle {
  return billingCycleOfTerm(term.billingCycle);
}

/** Read-only lookups over the fixture catalog (products → SKUs → availabilities, legacy offers, promotions). */
export class Catalog {
  readonly products: ProductFixture[] = [azurePlan, reservedVmInstances, ...perpetualSoftware, ...marketplaceSaas, ...nceProducts];

  productsForView(targetView: string): ProductFixture[] {
    return this.products.filter((product) => product.targetViews.some((view) => sameId(view, targetView)));
  }

  product(productId: string): ProductFixture | undefined {
    return this.products.find((product) => sameId(product.id, productId));
  }

  sku(productId: string, skuId: string): SkuFixture | undefined {
    return this.product(productId)?.skus.find((sku) => sameId(sku.id, skuId));
  }

  availability(productId: string, skuId: string, availabilityId: string): AvailabilityFixture | undefined {
    return this.sku(productId, skuId)?.availabilities.find((availability) => sameId(availability.id, availabilityId));
  }

  offer(offerId: string): LegacyOfferFixture | undefined {
    return legacyOffers.find((offer) => sameId(offer.id, offerId));
  }

  /** Add-on offers whose prerequisites include the base offer (GET /offers/{id}/addons). */
  offerAddons(baseOfferId: string): LegacyOfferFixture[] {
    return legacyOffers.filter((offer) => offer.isAddOn && offer.prerequisiteOffers.some((id) => sameId(id, baseOfferId)));
  }

  promotion(promotionId: string): PromotionFixture | undefined {
    return promotions.find((promotion) => sameId(promotion.id, promotionId));
  }

  /** A `product:sku:availability` catalog item id or a legacy offer id; undefined when neither exists. */
  resolve(id: string): Purchasable | undefined {
    const [productId, skuId, availabilityId, ...rest] = id.split(':');
    if (productId !== undefined && skuId !== undefined && availabilityId !== undefined && rest.length === 0) {
      const product = this.product(productId);
      const sku = this.sku(productId, skuId);
      const availability = this.availability(productId, skuId, availabilityId);
      return product && sku && availability ? this.fromCatalogItem({ product, sku, availability }) : undefined;
    }
    const offer = this.offer(id);
    return offer ? fromOffer(offer) : undefined;
  }

  private fromCatalogItem({ product, sku, availability }: CatalogItem): Purchasable {
    return {
      id: `${product.id}:${sku.id}:${availability.id}`,
      family: product.family,
      title: product.title,
      skuTitle: sku.title,
      productType: product.productType,
      isNce: product.family === 'nce_license',
      isTrial: sku.isTrial === true,
      minimumQuantity: sku.minimumQuantity,
      maximumQuantity: sku.maximumQuantity,
      terms: availability.terms,
      supportedBillingCycles: [...new Set(availability.terms.map(termBillingCycle))],
      provisioningVariables: sku.provisioningVariables ?? [],
      attestation: sku.attestationProperties,
      prerequisiteSkus: sku.dynamicAttributes?.isAddon ? (sku.dynamicAttributes.prerequisiteSkus ?? []) : undefined,
      catalogPath: { productId: product.id, skuId: sku.id, availabilityId: availability.id },
    };
  }
}

function fromOffer(offer: LegacyOfferFixture): Purchasable {
  return {
    id: offer.id,
    family: offer.family,
    title: offer.name,
    skuTitle: offer.name,
    productType: offer.family === 'azure_legacy' ? { id: 'Azure', displayName: 'Azure' } : { id: 'OnlineServices', displayName: 'OnlineServices' },
    isNce: false,
    isTrial: false,
    minimumQuantity: offer.minimumQuantity,
    maximumQuantity: offer.maximumQuantity,
    supportedBillingCycles: offer.supportedBillingCycles.map(billingCycleOfTerm),
    provisioningVariables: [],
    legacyListPrice: offer.listPrice,
  };
}

/** Whether add-ons can be bought for a subscription of this item (`hasPurchasableAddons`). */
export function hasPurchasableAddons(catalog: Catalog, purchasable: Purchasable): boolean {
  const path = purchasable.catalogPath;
  if (!path) return catalog.offerAddons(purchasable.id).length > 0;
  const productSku = `${path.productId}:${path.skuId}`.toUpperCase();
  return catalog.products.some((product) =>
    product.skus.some((sku) => sku.dynamicAttributes?.prerequisiteSkus?.some((id) => id.toUpperCase() === productSku)),
  );
}
