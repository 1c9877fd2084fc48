import { searchCustomers, DEFAULT_SEARCH_SIZE } from './customer-search';
import type { HttpTransport } from './http';
import type { PartnerCenterLogger } from './logger';
import type { PartnerCenterReader } from './operations';
import { readAllPages, type PagingLimits } from './paging';
import {
  availabilitySchema,
  cartSchema,
  customerSchema,
  customTermEndDateSchema,
  lineItemProvisioningStatusSchema,
  offerSchema,
  orderSchema,
  productSchema,
  skuSchema,
  subscriptionForUpdateSchema,
  subscriptionSchema,
} from './schemas';

/** Every read operation, in the order of the interface; a runtime reader has exactly these methods. */
export const READER_OPERATIONS = [
  'searchCustomers',
  'getCustomer',
  'listProducts',
  'listSkus',
  'getSku',
  'listAvailabilities',
  'getAvailability',
  'getOffer',
  'listOfferAddons',
  'listSubscriptions',
  'getSubscription',
  'getSubscriptionForUpdate',
  'listSubscriptionsByOrder',
  'listCustomTermEndDates',
  'getCart',
  'getOrder',
  'listOrders',
  'getOrderProvisioningStatus',
] as const satisfies readonly (keyof PartnerCenterReader)[];

/** Ids go into the path, so each is encoded: a stray `/` or `?` must not change the route. */
export function route(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce((path, part, index) => path + part + (index < ids.length ? encodeURIComponent(ids[index] ?? '') : ''), '');
}

interface ReaderDependencies {
  transport: HttpTransport;
  paging: PagingLimits;
  logger?: PartnerCenterLogger;
}

export function createReadOperations({ transport, paging, logger }: ReaderDependencies): PartnerCenterReader {
  const get = transport.send;
  return {
    searchCustomers: (ctx, prefix, size = DEFAULT_SEARCH_SIZE) =>
      searchCustomers(transport, ctx, prefix, size, { maxPages: paging.maxPages, logger }),
    getCustomer: (ctx, customerId) =>
      get(ctx, { method: 'GET', path: route`/customers/${customerId}`, schema: customerSchema }),
    listProducts: (ctx, customerId, targetView) =>
      readAllPages(transport, ctx, { path: route`/customers/${customerId}/products`, query: { targetView } }, productSchema, paging, logger),
    listSkus: (ctx, customerId, productId) =>
      readAllPages(transport, ctx, { path: route`/customers/${customerId}/products/${productId}/skus` }, skuSchema, paging, logger),
    getSku: (ctx, customerId, productId, skuId) =>
      get(ctx, { method: 'GET', path: route`/customers/${customerId}/products/${productId}/skus/${skuId}`, schema: skuSchema }),
    listAvailabilities: (ctx, customerId, productId, skuId) =>
      readAllPages(
        transport,
        ctx,
        { path: route`/customers/${customerId}/products/${productId}/skus/${skuId}/availabilities` },
        availabilitySchema,
        paging,
        logger,
      ),
    getAvailability: (ctx, customerId, productId, skuId, availabilityId) =>
      get(ctx, {
        method: 'GET',
        path: route`/customers/${customerId}/products/${productId}/skus/${skuId}/availabilities/${availabilityId}`,
        schema: availabilitySchema,
      }),
    getOffer: (ctx, offerId, country) =>
      get(ctx, { method: 'GET', path: route`/offers/${offerId}`, query: { country }, schema: offerSchema }),
    listOfferAddons: (ctx, offerId, country) =>
      readAllPages(transport, ctx, { path: route`/offers/${offerId}/addons`, query: { country } }, offerSchema, paging, logger),
    listSubscriptions: (ctx, customerId) =>
      readAllPages(transport, ctx, { path: route`/customers/${customerId}/subscriptions` }, subscriptionSchema, paging, logger),
    getSubscription: (ctx, customerId, subscriptionId) =>
      get(ctx, { method: 'GET', path: route`/customers/${customerId}/subscriptions/${subscriptionId}`, schema: subscriptionSchema }),
    getSubscriptionForUpdate: (ctx, customerId, subscriptionId) =>
      get(ctx, { method: 'GET', path: route`/customers/${customerId}/subscriptions/${subscriptionId}`, schema: subscriptionForUpdateSchema }),
    listSubscriptionsByOrder: (ctx, customerId, orderId) =>
      readAllPages(
        transport,
        ctx,
        { path: route`/customers/${customerId}/subscriptions`, query: { order_id: orderId } },
        subscriptionSchema,
        paging,
        logger,
      ),
    listCustomTermEndDates: (ctx, customerId, termDuration) =>
      readAllPages(
        transport,
        ctx,
        { path: route`/customers/${customerId}/subscriptions/customTermEndDates`, query: { term_duration: termDuration } },
        customTermEndDateSchema,
        paging,
        logger,
      ),
    getCart: (ctx, customerId, cartId) =>
      get(ctx, { method: 'GET', path: route`/customers/${customerId}/carts/${cartId}`, schema: cartSchema }),
    getOrder: (ctx, customerId, orderId) =>
      get(ctx, { method: 'GET', path: route`/customers/${customerId}/orders/${orderId}`, schema: orderSchema }),
    listOrders: (ctx, customerId) =>
      readAllPages(transport, ctx, { path: route`/customers/${customerId}/orders` }, orderSchema, paging, logger),
    getOrderProvisioningStatus: (ctx, customerId, orderId) =>
      readAllPages(
        transport,
        ctx,
        { path: route`/customers/${customerId}/orders/${orderId}/provisioningstatus` },
        lineItemProvisioningStatusSchema,
        paging,
        logger,
      ),
  };
}
