import type { ProductFixture } from './catalog-types';

/** Azure plan (New-PartnerCustomerCart example 1: product DZH318Z0BPS6, billing OneTime, no term). */
export const azurePlan: ProductFixture = {
  id: 'DZH318Z0BPS6',
  title: 'Azure plan',
  description: 'Azure plan: pay-as-you-go access to Azure services, billed on consumption.',
  family: 'azure_plan',
  productType: { id: 'Azure', displayName: 'Azure' },
  publisherName: 'Microsoft Corporation',
  targetViews: ['Azure', 'MicrosoftAzure'],
  skus: [
    {
      id: '0001',
      title: 'Azure plan',
      description: 'Azure plan',
      minimumQuantity: 1,
      maximumQuantity: 1,
      purchasePrerequisites: ['MicrosoftCloudAgreement'],
      availabilities: [{ id: 'DZH318Z0BPTD', terms: [{ billingCycle: 'OneTime', listPrice: 0 }] }],
    },
  ],
};

/**
 * Reserved VM instances from create-a-cart.md (DZH318Z0BQ36:004G:DZH318Z08C0S P1Y and
 * DZH318Z0BQ36:004J:DZH318Z08B8X P3Y). provisioningVariables are the keys the cart line's
 * provisioningContext must carry (product-resources.md: Scope, SubscriptionId, Duration).
 */
export const reservedVmInstances: ProductFixture = {
  id: 'DZH318Z0BQ36',
  title: 'Reserved Virtual Machine Instances, Dv3 Series',
  description: 'Save by committing to one-year or three-year plans for Dv3-series virtual machines.',
  family: 'azure_reservation',
  productType: { id: 'Azure', displayName: 'Azure' },
  publisherName: 'Microsoft Corporation',
  targetViews: ['AzureReservations', 'AzureReservationsVM'],
  skus: [
    {
      id: '004G',
      title: 'Standard_D2s_v3, US East',
      description: 'Reserved VM instance Standard_D2s_v3 in US East.',
      minimumQuantity: 1,
      maximumQuantity: 100,
      provisioningVariables: ['subscriptionId', 'scope', 'duration'],
      purchasePrerequisites: ['InventoryCheck', 'AzureSubscriptionRegistration'],
      availabilities: [
        {
          id: 'DZH318Z08C0S',
          terms: [
            { duration: 'P1Y', billingCycle: 'OneTime', listPrice: 736.0 },
            { duration: 'P3Y', billingCycle: 'OneTime', listPrice: 1416.0 },
          ],
        },
      ],
    },
    {
      id: '004J',
      title: 'Standard_D4s_v3, US East',
      description: 'Reserved VM instance Standard_D4s_v3 in US East.',
      minimumQuantity: 1,
      maximumQuantity: 100,
      provisioningVariables: ['subscriptionId', 'scope', 'duration'],
      purchasePrerequisites: ['InventoryCheck', 'AzureSubscriptionRegistration'],
      availabilities: [
        {
          id: 'DZH318Z08B8X',
          terms: [
            { duration: 'P1Y', billingCycle: 'OneTime', listPrice: 1472.0 },
            { duration: 'P3Y', billingCycle: 'OneTime', listPrice: 2832.0 },
          ],
        },
      ],
    },
  ],
};
