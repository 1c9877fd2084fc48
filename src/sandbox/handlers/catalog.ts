import type { SandboxContext } from '../context';
import type { AvailabilityFixture, ProductFixture, SkuFixture } from '../data/catalog-types';
import { invalidInput, partnerCenterError } from '../errors';
import type { Route, SandboxRequest } from '../http/types';
import {
  availabilityResource, offerResource, productResource, skuResource, type CatalogScope,
} from '../resources/catalog-resources';
import { collection } from '../resources/links';

type Reader = (scope: CatalogScope, request: SandboxRequest) => unknown;

/** The same reads serve both /products… (with ?country=) and /customers/{id}/products… */
export function catalogRoutes(context: SandboxContext): Route[] {
  const { catalog, store } = context;
  const param = (request: SandboxRequest, name: string): string => request.params[name] ?? '';

  const productOf = (request: SandboxRequest): ProductFixture => {
    const product = catalog.product(param(request, 'productId'));
    if (!product) throw partnerCenterError(404, 400013, "Product wasn't found");
    return product;
  };
  const skuOf = (request: SandboxRequest): SkuFixture => {
    const sku = catalog.sku(productOf(request).id, param(request, 'skuId'));
    if (!sku) throw partnerCenterError(404, 400018, "SKU wasn't found");
    return sku;
  };
  const availabilityOf = (request: SandboxRequest): AvailabilityFixture => {
    const availability = catalog.availability(productOf(request).id, skuOf(request).id, param(request, 'availabilityId'));
    if (!availability) throw partnerCenterError(404, 400019, 'Availability not found');
    return availability;
  };

  const readers: Record<string, Reader> = {
    '/products': (scope, request) => {
      const targetView = request.query['targetView'];
      if (!targetView) throw invalidInput('targetView is required.');
      const products = catalog.productsForView(targetView).map((product) => productResource(scope, product));
      return collection(products, `${scope.prefix}/products?targetView=${targetView}`);
    },
    '/products/{productId}': (scope, request) => productResource(scope, productOf(request)),
    '/products/{productId}/skus': (scope, request) => {
      const product = productOf(request);
      return collection(product.skus.map((sku) => skuResource(scope, product, sku)), `${scope.prefix}/products/${product.id}/skus`);
    },
    '/products/{productId}/skus/{skuId}': (scope, request) => skuResource(scope, productOf(request), skuOf(request)),
    '/products/{productId}/skus/{skuId}/availabilities': (scope, request) => {
      const product = productOf(request);
      const sku = skuOf(request);
      const items = sku.availabilities.map((availability) => availabilityResource(scope, product, sku, availability));
      return collection(items, `${scope.prefix}/products/${product.id}/skus/${sku.id}/availabilities`);
    },
    '/products/{productId}/skus/{skuId}/availabilities/{availabilityId}': (scope, request) =>
      availabilityResource(scope, productOf(request), skuOf(request), availabilityOf(request)),
  };

  const partnerScope = (request: SandboxRequest): CatalogScope => {
    const country = request.query['country'];
    if (!country) throw invalidInput('country is required.');
    return { prefix: '', country: country.toUpperCase(), customerScoped: false };
  };
  const customerScope = (request: SandboxRequest): CatalogScope => {
    const customer = store.customer(param(request, 'customerId'));
    return { prefix: `/customers/${customer.id}`, country: customer.country, customerScoped: true };
  };

  const routes: Route[] = Object.entries(readers).flatMap(([pattern, read]): Route[] => [
    { method: 'GET', pattern, handler: (request) => ({ status: 200, body: read(partnerScope(request), request) }) },
    {
      method: 'GET',
      pattern: `/customers/{customerId}${pattern}`,
      handler: (request) => ({ status: 200, body: read(customerScope(request), request) }),
    },
  ]);
  return [...routes, ...offerRoutes(context)];
}

function offerRoutes({ catalog }: SandboxContext): Route[] {
  const offerOf = (request: SandboxRequest) => {
    const offerId = request.params['offerId'] ?? '';
    const offer = catalog.offer(offerId);
    if (offer) return offer;
    // error-codes.md 2100: the Offers API does not know new-commerce catalog item ids.
    if (offerId.includes(':') || catalog.product(offerId)) {
      throw partnerCenterError(400, 2100, `The Offers API doesn't support item with ID ${offerId}. Try using the Products and/or SKUs APIs`);
    }
    throw partnerCenterError(400, 800004, 'Invalid offer ID');
  };
  const countryOf = (request: SandboxRequest): string => (request.query['country'] ?? 'US').toUpperCase();
  return [
    {
      method: 'GET',
      pattern: '/offers/{offerId}',
      handler: (request) => {
        const offer = offerOf(request);
        return { status: 200, body: offerResource(offer, countryOf(request), catalog.offerAddons(offer.id).length > 0) };
      },
    },
    {
      method: 'GET',
      pattern: '/offers/{offerId}/addons',
      handler: (request) => {
        const offer = offerOf(request);
        const country = countryOf(request);
        const addons = catalog.offerAddons(offer.id).map((addon) => offerResource(addon, country, false));
        return { status: 200, body: collection(addons, `/offers/${offer.id}/addons?country=${country}`) };
      },
    },
  ];
}
