import { availabilitySchema, collectionSchema, customerSchema, offerSchema, productSchema, skuSchema } from '../../../src/partner-center/schemas';
import { asRecord, itemsOf, NCE_ADDON, openSandbox, WINDOWS_365, type SandboxClient } from './sandbox-client';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

let client: SandboxClient;

beforeAll(async () => {
  client = await openSandbox();
});
afterAll(() => client.sandbox.close());

const filter = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe('customers', () => {
  it('searches company names and domains with starts_with, case-insensitively', async () => {
    const byName = await client.get(`/v1/customers?size=40&filter=${filter({ Field: 'CompanyName', Value: 'CONT', Operator: 'starts_with' })}`);
    const customers = collectionSchema(customerSchema).parse(byName.body);
    expect(customers.items.map((c) => c.companyProfile?.companyName).sort()).toEqual(['Contoso Ltd', 'Contoso Pharmaceuticals']);
    const byDomain = await client.get(`/v1/customers?size=40&filter=${filter({ field: 'Domain', value: 'northwind', operator: 'starts_with' })}`);
    expect(itemsOf(byDomain.body)).toHaveLength(2);
  });

  it('rejects other operators and unreadable filters with 400 800002', async () => {
    for (const bad of [filter({ Field: 'CompanyName', Value: 'x', Operator: 'contains' }), 'not-json']) {
      const response = await client.get(`/v1/customers?filter=${bad}`);
      expect([response.status, asRecord(response.body)['code']]).toEqual([400, 800002]);
    }
  });

  it('pages with a continuation token carried in MS-ContinuationToken', async () => {
    const first = asRecord((await client.get('/v1/customers?size=10')).body);
    expect(itemsOf(first)).toHaveLength(10);
    const next = asRecord(asRecord(first['links'])['next']);
    const headers = next['headers'] as { key: string; value: string }[];
    const rest = await client.get(`/v1${String(next['uri'])}`, Object.fromEntries(headers.map((h) => [h.key, h.value])));
    expect(itemsOf(rest.body).length).toBeGreaterThan(0);
    expect(asRecord(rest.body)['continuationToken']).toBeUndefined();
  });

  it('gets one customer by id; an unknown one is 404 60003', async () => {
    expect(customerSchema.parse((await client.get(`/v1/customers/${CONTOSO_ID}`)).body).companyProfile?.domain).toBe('contoso.onmicrosoft.com');
    const missing = await client.get('/v1/customers/00000000-0000-0000-0000-000000000001');
    expect([missing.status, asRecord(missing.body)['code']]).toEqual([404, 60003]);
  });
});

describe('catalog', () => {
  it('lists OnlineServices products for a customer, NCE typed OnlineServicesNCE', async () => {
    const products = collectionSchema(productSchema).parse((await client.get(`/v1/customers/${CONTOSO_ID}/products?targetView=OnlineServices`)).body);
    expect(products.items.map((p) => p.id)).toEqual(expect.arrayContaining(['CFQ7TTC0LH18', 'CFQ7TTC0LF8S']));
    expect(products.items.every((p) => p.productType?.id === 'OnlineServicesNCE')).toBe(true);
    expect(products.items[0]?.links?.['skus']?.uri).toMatch(new RegExp(`^/customers/${CONTOSO_ID}/products/\\w+/skus$`));
  });

  it('walks product → SKUs → availabilities, with terms defining the allowed pairs', async () => {
    const base = `/v1/customers/${CONTOSO_ID}/products/CFQ7TTC0LH18`;
    expect(productSchema.parse((await client.get(base)).body).title).toBe('Microsoft 365 Business Basic');
    const sku = skuSchema.parse((await client.get(`${base}/skus/0001`)).body);
    expect([sku.minimumQuantity, sku.maximumQuantity]).toEqual([1, 300]);
    const availabilities = collectionSchema(availabilitySchema).parse((await client.get(`${base}/skus/0001/availabilities`)).body);
    const availability = availabilities.items[0];
    expect(availability?.catalogItemId).toBe('CFQ7TTC0LH18:0001:CFQ7TTC0K971');
    expect(availability?.terms?.map((t) => `${t.duration}/${t.billingCycle}`)).toEqual(['P1M/Monthly', 'P1Y/Monthly', 'P1Y/Annual']);
    expect(availabilitySchema.parse((await client.get(`${base}/skus/0001/availabilities/CFQ7TTC0K971`)).body).id).toBe('CFQ7TTC0K971');
  });

  it('exposes attestation, add-on and provisioning-variable facts on SKUs', async () => {
    const [w365Product, w365Sku] = WINDOWS_365.split(':');
    const w365 = skuSchema.parse((await client.get(`/v1/products/${w365Product}/skus/${w365Sku}?country=US`)).body);
    expect(w365.attestationProperties).toEqual({ attestationType: 'Windows365', enforceAttestation: true });
    const [addOnProduct, addOnSku] = NCE_ADDON.split(':');
    const addOn = skuSchema.parse((await client.get(`/v1/customers/${CONTOSO_ID}/products/${addOnProduct}/skus/${addOnSku}`)).body);
    expect(addOn.dynamicAttributes).toMatchObject({ isAddon: true, prerequisiteSkus: ['CFQ7TTC0LF8S:0001'] });
    const ri = skuSchema.parse((await client.get('/v1/products/DZH318Z0BQ36/skus/004G?country=US')).body);
    expect(ri.provisioningVariables).toEqual(['subscriptionId', 'scope', 'duration']);
  });

  it('answers the documented not-found codes and requires country on partner-scoped reads', async () => {
    const codes = async (path: string) => {
      const response = await client.get(path);
      return [response.status, asRecord(response.body)['code']];
    };
    expect(await codes('/v1/products/NOPE?country=US')).toEqual([404, 400013]);
    expect(await codes('/v1/products/CFQ7TTC0LH18/skus/9999?country=US')).toEqual([404, 400018]);
    expect(await codes('/v1/products/CFQ7TTC0LH18/skus/0001/availabilities/NOPE?country=US')).toEqual([404, 400019]);
    expect(await codes('/v1/products/CFQ7TTC0LH18')).toEqual([400, 800002]);
    expect(await codes(`/v1/customers/${CONTOSO_ID}/products`)).toEqual([400, 800002]);
    expect(await codes('/v1/nothing-here')).toEqual([404, 1000]);
    expect(await codes('/customers')).toEqual([404, 1000]);
  });

  it('serves legacy offers and their add-ons; NCE ids are refused by the Offers API (2100)', async () => {
    const offer = offerSchema.parse((await client.get('/v1/offers/031C9E47-4802-4248-838E-778FB1D2CC05?country=US')).body);
    expect(offer.name).toBe('Office 365 Business Premium');
    const addons = collectionSchema(offerSchema).parse((await client.get('/v1/offers/796B6B5F-613C-4E24-A17C-EBA730D49C02/addons?country=US')).body);
    expect(addons.items.map((a) => a.name)).toContain('Microsoft MyAnalytics');
    expect(addons.items.every((a) => a.isAddOn === true)).toBe(true);
    const nce = await client.get('/v1/offers/CFQ7TTC0LH18:0001:CFQ7TTC0K971?country=US');
    expect([nce.status, asRecord(nce.body)['code']]).toEqual([400, 2100]);
  });

  it('lists Azure, software and SaaS views', async () => {
    for (const [view, id] of [['Azure', 'DZH318Z0BPS6'], ['AzureReservations', 'DZH318Z0BQ36'], ['Software', 'DG7GMGF0DWTL'], ['MarketplaceSaaS', 'DZH318Z0BXWC']]) {
      const products = itemsOf((await client.get(`/v1/products?country=US&targetView=${view}`)).body);
      expect(products.map((p) => p['id'])).toContain(id);
    }
  });
});
