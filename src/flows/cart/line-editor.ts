import type { CartPurchase, Purchase } from '../purchase/purchase';
import type { AdaptiveCard } from '../ports';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';
import { findProduct } from '../customer/catalog-search';
import { cotermChoices, lastBoughtOption, loadOffering, optionValue, type ProductOffering } from './offering';
import { draftCard } from './views/draft-card';
import { formFromLine, lineCard, type LineFormState } from './views/line-card';

export async function offeringFor(deps: PurchaseDeps, purchase: Purchase, productId: string): Promise<ProductOffering | undefined> {
  const product = await findProduct(deps, purchase, productId);
  if (!product || !purchase.customer) return undefined;
  return loadOffering(deps.catalog, callContext(purchase), purchase.customer.id, product);
}

/**
 * The line card for a product, prefilled from the line being edited, from what the rep just typed, or for a
 * new line with the choice this customer bought last.
 */
export async function lineEditorCard(
  deps: PurchaseDeps, purchase: CartPurchase, productId: string, lineId?: string, form?: LineFormState,
): Promise<AdaptiveCard> {
  const offering = await offeringFor(deps, purchase, productId);
  if (!offering || !purchase.customer) return draftCard(purchase);
  const subscriptions = await deps.catalog.listSubscriptions(callContext(purchase), purchase.customer.id);
  const line = purchase.lines.find((l) => l.lineId === lineId);
  const state = form ?? formFromLine(line, line
    ? optionValue(line.skuId, line.availabilityId ?? '', line.termDuration, line.billingCycle)
    : lastBoughtOption(offering, subscriptions));
  return lineCard(purchase, offering, cotermChoices(offering.cotermListings, subscriptions), state, lineId);
}
