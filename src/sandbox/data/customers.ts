import {
  CONTOSO_ID,
  FABRIKAM_ID,
  NORTHWIND_ID,
  TAILSPIN_ID,
  WINGTIP_ID,
  ADATUM_ID,
  LITWARE_ID,
  WOODGROVE_ID,
  COHO_WINERY_ID,
  MARKDOWN_NAME_ID,
} from './seed-ids';

/** A customer tenant this partner resells to. */
export interface CustomerFixture {
  id: string;
  companyName: string;
  domain: string;
  country: string;
}

/**
 * The first eight ids come from the seeds and the API reference (New-PartnerCustomerCart/Order examples,
 * create-a-cart.md requests and responses, checkout-a-cart.md, purchase-an-add-on-to-a-subscription.md);
 * the rest make prefix search meaningful ("Contoso" and "North" each match two customers).
 */
export const customers: CustomerFixture[] = [
  { id: CONTOSO_ID, companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com', country: 'US' },
  { id: FABRIKAM_ID, companyName: 'Fabrikam Inc', domain: 'fabrikam.onmicrosoft.com', country: 'US' },
  { id: NORTHWIND_ID, companyName: 'Northwind Traders', domain: 'northwindtraders.onmicrosoft.com', country: 'US' },
  { id: TAILSPIN_ID, companyName: 'Tailspin Toys', domain: 'tailspintoys.onmicrosoft.com', country: 'US' },
  { id: WINGTIP_ID, companyName: 'Wingtip Toys', domain: 'wingtiptoys.onmicrosoft.com', country: 'US' },
  { id: ADATUM_ID, companyName: 'Adatum Corporation', domain: 'adatum.onmicrosoft.com', country: 'US' },
  { id: LITWARE_ID, companyName: 'Litware Inc', domain: 'litware.onmicrosoft.com', country: 'US' },
  { id: WOODGROVE_ID, companyName: 'Woodgrove Bank', domain: 'woodgrovebank.onmicrosoft.com', country: 'US' },
  { id: '8d6b2282-53b7-4aa0-9b1a-7fe888026043', companyName: 'Contoso Pharmaceuticals', domain: 'contosopharma.onmicrosoft.com', country: 'US' },
  { id: 'e36f1f5b-dd11-4800-b015-799c26a2bde3', companyName: 'Northwind Health', domain: 'northwindhealth.onmicrosoft.com', country: 'US' },
  { id: '087ba6f3-50c1-46b7-9fc9-75129676bfa6', companyName: 'Fourth Coffee', domain: 'fourthcoffee.onmicrosoft.com', country: 'US' },
  { id: '6a334746-7171-41dd-801b-5e9adab77591', companyName: 'Alpine Ski House', domain: 'alpineskihouse.onmicrosoft.com', country: 'US' },
  { id: COHO_WINERY_ID, companyName: 'Coho Winery', domain: 'cohowinery.onmicrosoft.com', country: 'US' },
  { id: 'f31fdb16-e5bb-4ecd-91d5-db850ff7cc3a', companyName: 'Trey Research', domain: 'treyresearch.onmicrosoft.com', country: 'US' },
  // Hostile names: company names are whatever a customer typed at sign-up. Cards must show them as text,
  // never as a template expression, a link, emphasis or a Teams mention.
  { id: '7b1e0c55-3f0a-4d61-9e38-0c5d2a7f4b11', companyName: '${purchase.id}', domain: 'templatename.onmicrosoft.com', country: 'US' },
  { id: 'c2a94e1d-6b7f-4f08-8d2e-5a3b9c1e7d22', companyName: '[click](https://evil.example)', domain: 'linkname.onmicrosoft.com', country: 'US' },
  { id: MARKDOWN_NAME_ID, companyName: '**bold** _italic_ Ltd', domain: 'boldname.onmicrosoft.com', country: 'US' },
  { id: 'e9c7a1f3-8b2d-4e56-a0f4-3d6b1c8e2a44', companyName: '<at>Everyone</at> Corp', domain: 'mentionname.onmicrosoft.com', country: 'US' },
];
