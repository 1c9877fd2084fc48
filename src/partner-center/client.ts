import { DEFAULT_CATALOG_TTL_MS, withCatalogCache } from './catalog-cache';
import { createHttpTransport, type HttpTransport, type HttpTransportOptions } from './http';
import type { PartnerCenterClient, PartnerCenterReader } from './operations';
import { DEFAULT_MAX_PAGES } from './paging';
import { createReadOperations, READER_OPERATIONS, route } from './reader';
import { ORDER_PLACEMENT_RETRY } from './retry-policy';
import { cartCheckoutResultSchema, cartSchema, orderSchema } from './schemas';
import { updateSubscription } from './subscription-update';

export interface PartnerCenterClientOptions extends HttpTransportOptions {
  /** Catalog reads are reused this long; 0 turns the cache off. Default 5 minutes. */
  catalogCacheTtlMs?: number;
  /** Upper bound on pages followed for one list or search. Default 10. */
  maxPages?: number;
}

/** Reads only: the object has no mutating method at runtime, not just in its type (docs/architecture.md, rule 9). */
export function createPartnerCenterReader(options: PartnerCenterClientOptions): PartnerCenterReader {
  return readerOnly(cachedReader(options, createHttpTransport(options)));
}

export function createPartnerCenterClient(options: PartnerCenterClientOptions): PartnerCenterClient {
  const transport = createHttpTransport(options);
  return { ...cachedReader(options, transport), ...createWriteOperations(transport) };
}

/**
 * The read half of an existing client, sharing its catalog cache: what a dry-run preview is handed.
 * Built from the method list, so whatever else the source object carries is left behind.
 */
export function readerOnly(source: PartnerCenterReader): PartnerCenterReader {
  const entries = READER_OPERATIONS.map((name) => [name, source[name].bind(source)] as const);
  return Object.freeze(Object.fromEntries(entries)) as unknown as PartnerCenterReader;
}

function cachedReader(options: PartnerCenterClientOptions, transport: HttpTransport): PartnerCenterReader {
  const reader = createReadOperations({
    transport,
    paging: { maxPages: options.maxPages ?? DEFAULT_MAX_PAGES },
    logger: options.logger,
  });
  const ttlMs = options.catalogCacheTtlMs ?? DEFAULT_CATALOG_TTL_MS;
  return ttlMs > 0 ? withCatalogCache(reader, { ttlMs, now: options.runtime?.now }) : reader;
}

type WriteOperations = Omit<PartnerCenterClient, keyof PartnerCenterReader>;

/** Bodies go out exactly as the caller built them; see PartnerCenterRequest.body. */
function createWriteOperations(transport: HttpTransport): WriteOperations {
  const send = transport.send;
  return {
    createCart: (ctx, customerId, cart) =>
      send(ctx, { method: 'POST', path: route`/customers/${customerId}/carts`, body: cart, schema: cartSchema }),
    updateCart: (ctx, customerId, cartId, cart) =>
      send(ctx, { method: 'PUT', path: route`/customers/${customerId}/carts/${cartId}`, body: cart, schema: cartSchema }),
    // No body and no Content-Type, as in checkout-a-cart.md (Content-Length: 0); the .NET SDK posts the
    // JSON string "success" instead. Safe to repeat: checkout is idempotent per cart id.
    checkoutCart: (ctx, customerId, cartId) =>
      send(ctx, {
        method: 'POST', path: route`/customers/${customerId}/carts/${cartId}/checkout`, schema: cartCheckoutResultSchema, retry: ORDER_PLACEMENT_RETRY,
      }),
    createOrder: (ctx, customerId, order) =>
      send(ctx, { method: 'POST', path: route`/customers/${customerId}/orders`, body: order, schema: orderSchema, retry: ORDER_PLACEMENT_RETRY }),
    addAddOnToOrder: (ctx, customerId, orderId, order) =>
      send(ctx, {
        method: 'PATCH', path: route`/customers/${customerId}/orders/${orderId}`, body: order, schema: orderSchema, retry: ORDER_PLACEMENT_RETRY,
      }),
    updateSubscription: (ctx, customerId, subscription, etag) => updateSubscription(transport, ctx, customerId, subscription, etag),
  };
}
