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
