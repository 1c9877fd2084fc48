/**
 * How a catalog item is bought. Drives order grouping (create-a-cart.md: Azure plan "OMS-0", reserved
 * instances and perpetual software "0", SaaS "1", SaaS trial "2") and subscription shape.
 */
export type PurchaseFamily =
  | 'azure_plan'
  | 'azure_reservation'
  | 'perpetual_software'
  | 'saas'
  | 'nce_license';

/** Capitalised as availability `terms[].billingCycle` is on the wire ("Annual", "Monthly"). */
export type TermBillingCycle = 'Monthly' | 'Annual' | 'Triennial' | 'OneTime' | 'None';

/** One purchasable (duration, billing cycle) pair; `listPrice` is per unit per billing period. */
export interface TermFixture {
  /** Absent for items that take no termDuration (Azure plan, perpetual software). */
  duration?: string;
  billingCycle: TermBillingCycle;
  listPrice: number;
  /** Trials: the term the subscription converts to (`renewsTo`). */
  renewsTo?: string;
}

export interface AvailabilityFixture {
  id: string;
  terms: TermFixture[];
}

export interface SkuFixture {
  id: string;
  title: string;
  description: string;
  minimumQuantity: number;
  maximumQuantity: number;
  isTrial?: boolean;
  provisioningVariables?: string[];
  purchasePrerequisites?: string[];
  dynamicAttributes?: { isAddon: boolean; prerequisiteSkus?: string[] };
  attestationProperties?: { attestationType: string; enforceAttestation: boolean };
  availabilities: AvailabilityFixture[];
}

export interface ProductFixture {
  id: string;
  title: string;
  description: string;
  family: PurchaseFamily;
  productType: { id: string; displayName: string };
  publisherName: string;
  /** The `targetView` values whose product lists include this product. */
  targetViews: string[];
  skus: SkuFixture[];
}

/** A traditional (legacy) offer, bought by GUID offer id through carts or POST /orders. */
export interface LegacyOfferFixture {
  id: string;
  name: string;
  description: string;
  minimumQuantity: number;
  maximumQuantity: number;
  billing: 'license' | 'usage' | 'none';
  supportedBillingCycles: string[];
  /** Monthly price per license; 0 for usage-billed offers. */
  listPrice: number;
  isAddOn: boolean;
  /** Add-on offers: the base offers they can be attached to (prerequisiteOffers on the wire). */
  prerequisiteOffers: string[];
  family: 'azure_legacy' | 'legacy_license';
}
