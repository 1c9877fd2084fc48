import type { ProductFixture } from './catalog-types';

/** Perpetual software: one-time billing and no termDuration (create-a-cart.md "Important" note). */
export const perpetualSoftware: ProductFixture[] = [
  {
    id: 'DG7GMGF0DWTL',
    title: 'Windows Server 2019 Standard',
    description: 'Windows Server 2019 Standard, perpetual licenses.',
    family: 'perpetual_software',
    productType: { id: 'Software', displayName: 'Software' },
    publisherName: 'Microsoft Corporation',
    targetViews: ['Software', 'SoftwarePerpetual'],
    skus: [
      {
        id: '0001',
        title: 'Windows Server 2019 Standard - 2 Core License Pack',
        description: 'Windows Server 2019 Standard - 2 Core License Pack',
        minimumQuantity: 1,
        maximumQuantity: 1000,
        availabilities: [
          { id: 'DG7GMGF0DSJB', terms: [{ billingCycle: 'OneTime', listPrice: 115.0 }] },
          { id: 'DG7GMGF0DSFM', terms: [{ billingCycle: 'OneTime', listPrice: 118.0 }] },
        ],
      },
    ],
  },
  {
    id: 'DG7GMGF0DWM3',
    title: 'SQL Server 2019 Standard',
    description: 'SQL Server 2019 Standard, perpetual licenses.',
    family: 'perpetual_software',
    productType: { id: 'Software', displayName: 'Software' },
    publisherName: 'Microsoft Corporation',
    targetViews: ['Software', 'SoftwarePerpetual'],
    skus: [
      {
        id: '0002',
        title: 'SQL Server 2019 Standard - 2 Core License Pack',
        description: 'SQL Server 2019 Standard - 2 Core License Pack',
        minimumQuantity: 1,
        maximumQuantity: 1000,
        availabilities: [{ id: 'DG7GMGF0DT1M', terms: [{ billingCycle: 'OneTime', listPrice: 3586.0 }] }],
      },
    ],
  },
];

/** Marketplace SaaS from create-a-cart.md: a monthly P1M plan, and a free trial that renews to P1Y. */
export const marketplaceSaas: ProductFixture[] = [
  {
    id: 'DZH318Z0BXWC',
    title: 'Contoso Sign',
    description: 'Electronic signatures as a service (third-party SaaS).',
    family: 'saas',
    productType: { id: 'SaaS', displayName: 'SaaS' },
    publisherName: 'Contoso Software',
    targetViews: ['MarketplaceSaaS'],
    skus: [
      {
        id: '0002',
        title: 'Contoso Sign Business',
        description: 'Contoso Sign Business plan, per user.',
        minimumQuantity: 1,
        maximumQuantity: 500,
        availabilities: [
          {
            id: 'DZH318Z0BMRV',
            terms: [
              { duration: 'P1M', billingCycle: 'Monthly', listPrice: 15.0 },
              { duration: 'P1Y', billingCycle: 'Annual', listPrice: 150.0 },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'DZH318Z0C0WF',
    title: 'Fabrikam Boards',
    description: 'Kanban boards as a service (third-party SaaS) with a one-month free trial.',
    family: 'saas',
    productType: { id: 'SaaS', displayName: 'SaaS' },
    publisherName: 'Fabrikam Software',
    targetViews: ['MarketplaceSaaS'],
    skus: [
      {
        id: '0001',
        title: 'Fabrikam Boards Trial',
        description: 'Free for one month, then renews to the annual plan.',
        minimumQuantity: 1,
        maximumQuantity: 100,
        isTrial: true,
        availabilities: [
          { id: 'DZH318Z0BP69', terms: [{ duration: 'P1M', billingCycle: 'None', listPrice: 0, renewsTo: 'P1Y' }] },
        ],
      },
    ],
  },
];
