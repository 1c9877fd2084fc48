import type { Product } from '../../partner-center/schemas';
import type { Purchase } from '../purchase/purchase';
import type { SearchResult } from '../ports';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';

/** All products the customer may buy across the configured catalog views (each list is cached). */
async function customerProducts(deps: PurchaseDeps, purchase: Purchase): Promise<Product[]> {
  const customer = purchase.customer;
  if (!customer) return [];
  const ctx = callContext(purchase);
  const lists = await Promise.all(deps.targetViews.map((view) => deps.catalog.listProducts(ctx, customer.id, view)));
  const byId = new Map<string, Product>();
  for (const product of lists.flat()) byId.set(product.id, product);
  return [...byId.values()];
}

export async function searchProducts(deps: PurchaseDeps, purchase: Purchase, query: string): Promise<SearchResult[]> {
  const needle = query.trim().toLowerCase();
  const products = await customerProducts(deps, purchase);
  return products
    .filter((p) => !needle || p.title.toLowerCase().includes(needle) || p.id.toLowerCase() === needle)
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((p) => ({ title: p.title, value: p.id }));
}

/**
 * The products this customer has subscriptions of, newest first, as far as the catalog still offers them
 * to it. A new-commerce subscription's offerId is the catalog item id `PRODUCT:SKU:AVAILABILITY`; a legacy
 * offer id (a GUID) names no catalog product and is skipped.
 */
export async function productsBoughtBefore(deps: PurchaseDeps, purchase: Purchase): Promise<SearchResult[]> {
  if (!purchase.customer) return [];
  const [subscriptions, products] = await Promise.all([
    deps.catalog.listSubscriptions(callContext(purchase), purchase.customer.id),
    customerProducts(deps, purchase),
  ]);
  const newestFirst = [...subscriptions].sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? ''));
  const ids = [...new Set(newestFirst.map((s) => s.offerId.split(':')[0].toUpperCase()))];
  return ids.flatMap((id) => products.filter((p) => p.id.toUpperCase() === id)).map((p) => ({ title: p.title, value: p.id }));
}

export async function findProduct(deps: PurchaseDeps, purchase: Purchase, productId: string): Promise<Product | undefined> {
  return (await customerProducts(deps, purchase)).find((p) => p.id === productId);
}

/** Throws SlowDownError when the purchase's owner searched too often (every search can cost a call). */
export async function searchCustomers(deps: PurchaseDeps, purchase: Purchase, query: string): Promise<SearchResult[]> {
  deps.limits.take(purchase.owner, 'search');
  const customers = await deps.catalog.searchCustomers(callContext(purchase), query);
  return customers.map((c) => ({
    title: c.companyProfile?.companyName
      ? `${c.companyProfile.companyName}${c.companyProfile.domain ? ` (${c.companyProfile.domain})` : ''}`
      : c.id,
    value: c.id,
  }));
}
