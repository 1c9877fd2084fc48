import type { ProductFixture, SkuFixture, TermFixture } from './catalog-types';

const NCE_TYPE = { id: 'OnlineServicesNCE', displayName: 'OnlineServicesNCE' };

/**
 * New-commerce terms priced from a monthly P1Y price: a P1M term costs 20% more, annual billing is 12
 * months up front. The E5 numbers reproduce create-a-cart.md's NCE response (30.4 monthly on P1Y,
 * extendedPrice 364.8) and checkout-a-cart.md's P1M line (36.48).
 */
function nceTerms(monthlyOnAnnualTerm: number, withTriennial: boolean): TermFixture[] {
  const round = (value: number): number => Math.round(value * 100) / 100;
  const terms: TermFixture[] = [
    { duration: 'P1M', billingCycle: 'Monthly', listPrice: round(monthlyOnAnnualTerm * 1.2) },
    { duration: 'P1Y', billingCycle: 'Monthly', listPrice: monthlyOnAnnualTerm },
    { duration: 'P1Y', billingCycle: 'Annual', listPrice: round(monthlyOnAnnualTerm * 12) },
  ];
  if (withTriennial) {
    terms.push(
      { duration: 'P3Y', billingCycle: 'Annual', listPrice: round(monthlyOnAnnualTerm * 12) },
      { duration: 'P3Y', billingCycle: 'Triennial', listPrice: round(monthlyOnAnnualTerm * 36) },
    );
  }
  return terms;
}

function licenseSku(id: string, title: string, maximumQuantity: number, availabilityIds: string[], terms: TermFixture[]): SkuFixture {
  return {
    id,
    title,
    description: title,
    minimumQuantity: 1,
    maximumQuantity,
    purchasePrerequisites: ['MicrosoftCloudAgreement'],
    availabilities: availabilityIds.map((availabilityId) => ({ id: availabilityId, terms })),
  };
}

function nceProduct(id: string, title: string, skus: SkuFixture[]): ProductFixture {
  return {
    id,
    title,
    description: `${title} (new commerce, license-based).`,
    family: 'nce_license',
    productType: NCE_TYPE,
    publisherName: 'Microsoft Corporation',
    targetViews: ['OnlineServices'],
    skus,
  };
}

export const E5_PRODUCT_SKU = 'CFQ7TTC0LF8S:0001';

export const nceProducts: ProductFixture[] = [
  nceProduct('CFQ7TTC0LH18', 'Microsoft 365 Business Basic', [
    licenseSku('0001', 'Microsoft 365 Business Basic', 300, ['CFQ7TTC0K971'], nceTerms(6.0, false)),
  ]),
  nceProduct('CFQ7TTC0LH0Z', 'Exchange Online (Plan 1)', [
    licenseSku('0001', 'Exchange Online (Plan 1)', 5000, ['CFQ7TTC0K18P'], nceTerms(4.0, false)),
  ]),
  nceProduct('CFQ7TTC0LFLS', 'Microsoft 365 E3', [
    licenseSku('0002', 'Microsoft 365 E3 (no Teams)', 5000, ['CFQ7TTC0KDLJ'], nceTerms(36.0, true)),
  ]),
  nceProduct('CFQ7TTC0LFLZ', 'Microsoft 365 E5', [
    licenseSku('0002', 'Microsoft 365 E5 (no Teams)', 5000, ['CFQ7TTC0K4TS'], nceTerms(57.0, false)),
  ]),
  // CFQ7TTC0VZW5 is create-a-cart.md's availability, CFQ7TTC0N81H checkout-a-cart.md's.
  nceProduct('CFQ7TTC0LF8S', 'Office 365 E5', [
    licenseSku('0001', 'Office 365 E5 without Audio Conferencing', 5000, ['CFQ7TTC0VZW5', 'CFQ7TTC0N81H'], nceTerms(30.4, true)),
  ]),
  nceProduct('CFQ7TTC0J1FV', 'Windows 365 Business with Windows Hybrid Benefit', [
    {
      ...licenseSku('0002', 'Windows 365 Business 2 vCPU, 4 GB, 128 GB (with Windows Hybrid Benefit)', 300, ['CFQ7TTC0J1G1'], nceTerms(31.0, false)),
      // product-resources.md: Windows 365 hybrid-benefit SKUs require attestationAccepted on the line.
      attestationProperties: { attestationType: 'Windows365', enforceAttestation: true },
    },
  ]),
  nceProduct('CFQ7TTC0LHWM', 'Office 365 Extra File Storage', [
    {
      ...licenseSku('0001', 'Office 365 Extra File Storage (per GB)', 10000, ['CFQ7TTC0LHXN'], nceTerms(0.2, false)),
      // new-commerce-add-ons.md: an add-on needs a compatible base the customer owns, else 400041.
      dynamicAttributes: { isAddon: true, prerequisiteSkus: [E5_PRODUCT_SKU] },
    },
  ]),
];
