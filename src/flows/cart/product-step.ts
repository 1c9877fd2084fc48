import type { Purchase } from '../purchase/purchase';
import type { AdaptiveCard } from '../ports';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import { productsBoughtBefore } from '../customer/catalog-search';
import { productPickerCard } from './views/picker-card';

/** The product step as it opens: what this customer bought before, one tap each, above the search field. */
export async function productStep(deps: PurchaseDeps, purchase: Purchase, error?: string): Promise<AdaptiveCard> {
  return productPickerCard(purchase, { boughtBefore: await productsBoughtBefore(deps, purchase), results: [], query: '', error });
}
