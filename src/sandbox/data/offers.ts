import type { LegacyOfferFixture } from './catalog-types';

export const BUSINESS_PREMIUM_OFFER_ID = '031C9E47-4802-4248-838E-778FB1D2CC05';
export const ENTERPRISE_E3_OFFER_ID = '796B6B5F-613C-4E24-A17C-EBA730D49C02';
export const LEGACY_AZURE_OFFER_ID = 'MS-AZR-0145P';
/** Sandbox-made id: the real MyAnalytics offer id is not in any source we have. */
export const MY_ANALYTICS_OFFER_ID = '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59';
export const EXTRA_FILE_STORAGE_OFFER_ID = '53FC25F7-6639-4F78-BB44-3C2DFEC3ED40';
/** Sandbox-made id: an add-on of Business Premium only, so buying it for an E3 subscription gives 800029. */
export const EXCHANGE_ARCHIVING_OFFER_ID = 'C8A2F1D4-7B3E-4A6C-8D5F-2E9B1C4A7D30';

/** purchase-an-add-on-to-a-subscription.md's add-on; its name is not given there ("Some friendly name"). */
export const DOC_EXAMPLE_ADDON_OFFER_ID = '2828BE95-46BA-4F91-B2FD-0BEF192ECF60';

const license = (fields: Omit<LegacyOfferFixture, 'billing' | 'family'>): LegacyOfferFixture => ({
  ...fields,
  billing: 'license',
  family: 'legacy_license',
});

/** Traditional offers (GUID ids) used by New-PartnerCustomerOrder's examples and the legacy add-on flow. */
export const legacyOffers: LegacyOfferFixture[] = [
  license({
    id: BUSINESS_PREMIUM_OFFER_ID,
    name: 'Office 365 Business Premium',
    description: 'For businesses with 1 to 300 users that need the latest desktop version of Office.',
    minimumQuantity: 1,
    maximumQuantity: 300,
    supportedBillingCycles: ['monthly', 'annual'],
    listPrice: 12.5,
    isAddOn: false,
    prerequisiteOffers: [],
  }),
  license({
    id: ENTERPRISE_E3_OFFER_ID,
    name: 'Office 365 Enterprise E3',
    description: 'The best plan for businesses that need full productivity, communication and collaboration.',
    minimumQuantity: 1,
    maximumQuantity: 10000,
    supportedBillingCycles: ['monthly', 'annual'],
    listPrice: 20.0,
    isAddOn: false,
    prerequisiteOffers: [],
  }),
  license({
    id: MY_ANALYTICS_OFFER_ID,
    name: 'Microsoft MyAnalytics',
    description: 'Personal insights into how you spend your time at work.',
    minimumQuantity: 1,
    maximumQuantity: 10000,
    supportedBillingCycles: ['monthly', 'annual'],
    listPrice: 4.0,
    isAddOn: true,
    prerequisiteOffers: [ENTERPRISE_E3_OFFER_ID],
  }),
  license({
    id: EXTRA_FILE_STORAGE_OFFER_ID,
    name: 'Office 365 Extra File Storage',
    description: 'Additional SharePoint storage, per GB.',
    minimumQuantity: 1,
    maximumQuantity: 100000,
    supportedBillingCycles: ['monthly', 'annual'],
    listPrice: 0.2,
    isAddOn: true,
    prerequisiteOffers: [ENTERPRISE_E3_OFFER_ID, BUSINESS_PREMIUM_OFFER_ID],
  }),
  license({
    id: DOC_EXAMPLE_ADDON_OFFER_ID,
    name: 'Office 365 add-on (purchase-an-add-on example)',
    description: 'The add-on bought in purchase-an-add-on-to-a-subscription.md.',
    minimumQuantity: 1,
    maximumQuantity: 10000,
    supportedBillingCycles: ['monthly', 'annual'],
    listPrice: 2.0,
    isAddOn: true,
    prerequisiteOffers: [ENTERPRISE_E3_OFFER_ID],
  }),
  license({
    id: EXCHANGE_ARCHIVING_OFFER_ID,
    name: 'Exchange Online Archiving for Exchange Online',
    description: 'Cloud-based archiving for Exchange Online mailboxes.',
    minimumQuantity: 1,
    maximumQuantity: 300,
    supportedBillingCycles: ['monthly', 'annual'],
    listPrice: 3.0,
    isAddOn: true,
    prerequisiteOffers: [BUSINESS_PREMIUM_OFFER_ID],
  }),
  {
    id: LEGACY_AZURE_OFFER_ID,
    name: 'Microsoft Azure',
    description: 'Legacy Microsoft Azure subscription (CSP), billed on consumption.',
    minimumQuantity: 1,
    maximumQuantity: 1,
    billing: 'usage',
    supportedBillingCycles: ['monthly'],
    listPrice: 0,
    isAddOn: false,
    prerequisiteOffers: [],
    family: 'azure_legacy',
  },
];
