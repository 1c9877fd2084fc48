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
  { id: '46a62ece-10ad-42e5-b3f1-b2ed53e6fc08', companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com', country: 'US' },
  { id: 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d', companyName: 'Fabrikam Inc', domain: 'fabrikam.onmicrosoft.com', country: 'US' },
  { id: '932c4101-dc08-461b-b4c1-75d80e905775', companyName: 'Northwind Traders', domain: 'northwindtraders.onmicrosoft.com', country: 'US' },
  { id: 'f81d98dd-c2f4-499e-a194-5619e260344e', companyName: 'Tailspin Toys', domain: 'tailspintoys.onmicrosoft.com', country: 'US' },
  { id: '28045616-f6b9-462f-9701-0d89b5e65c44', companyName: 'Wingtip Toys', domain: 'wingtiptoys.onmicrosoft.com', country: 'US' },
  { id: 'ebd8b4c2-4069-46a8-bd70-123d6dec3e39', companyName: 'Adatum Corporation', domain: 'adatum.onmicrosoft.com', country: 'US' },
  { id: '94cd6638-11b6-4323-8c9f-6ae3088adc59', companyName: 'Litware Inc', domain: 'litware.onmicrosoft.com', country: 'US' },
  { id: '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04', companyName: 'Woodgrove Bank', domain: 'woodgrovebank.onmicrosoft.com', country: 'US' },
  { id: '8d6b2282-53b7-4aa0-9b1a-7fe888026043', companyName: 'Contoso Pharmaceuticals', domain: 'contosopharma.onmicrosoft.com', country: 'US' },
  { id: 'e36f1f5b-dd11-4800-b015-799c26a2bde3', companyName: 'Northwind Health', domain: 'northwindhealth.onmicrosoft.com', country: 'US' },
  { id: '087ba6f3-50c1-46b7-9fc9-75129676bfa6', companyName: 'Fourth Coffee', domain: 'fourthcoffee.onmicrosoft.com', country: 'US' },
  { id: '6a334746-7171-41dd-801b-5e9adab77591', companyName: 'Alpine Ski House', domain: 'alpineskihouse.onmicrosoft.com', country: 'US' },
  { id: 'b3782784-9054-4954-b584-d85b4379bbc7', companyName: 'Coho Winery', domain: 'cohowinery.onmicrosoft.com', country: 'US' },
  { id: 'f31fdb16-e5bb-4ecd-91d5-db850ff7cc3a', companyName: 'Trey Research', domain: 'treyresearch.onmicrosoft.com', country: 'US' },
  // Hostile names: company names are whatever a customer typed at sign-up. Cards must show them as text,
  // never as a template expression, a link, emphasis or a Teams mention.
  { id: '7b1e0c55-3f0a-4d61-9e38-0c5d2a7f4b11', companyName: '${purchase.id}', domain: 'templatename.onmicrosoft.com', country: 'US' },
  { id: 'c2a94e1d-6b7f-4f08-8d2e-5a3b9c1e7d22', companyName: '[click](https://evil.example)', domain: 'linkname.onmicrosoft.com', country: 'US' },
  { id: '5d8f3b2a-1c4e-4a97-b6d0-e7f2a9c3b433', companyName: '**bold** _italic_ Ltd', domain: 'boldname.onmicrosoft.com', country: 'US' },
  { id: 'e9c7a1f3-8b2d-4e56-a0f4-3d6b1c8e2a44', companyName: '<at>Everyone</at> Corp', domain: 'mentionname.onmicrosoft.com', country: 'US' },
];
