import { isPartnerCenterError } from '../../partner-center';
import type { CartCheckoutResult } from '../../partner-center/schemas';
import { recordCheckout } from '../../telemetry/checkout-metrics';
import type { DraftLine, Purchase } from '../purchase/purchase';
import { directSubmission } from '../order/direct-submission';
import type { LoadedPurchase } from '../purchase/purchase-repository';
import type { Actor, AdaptiveCard } from '../ports';
import { callContext, type CartDeps } from './cart-deps';
import { buildCartRequest } from './cart-request';
import { currentCard } from './current-card';
import { toFailure } from './failure';
import { announcementCard } from './views/announcement-card';
import { resultCard } from './views/result-card';

/**
 * Runs a gated checkout to its end: re-reads availabilities (ids rotate: 400019), PUTs the cart with the
 * attestation, checks it out, stores the outcome and returns the result card. Safe to run again for the
 * same purchase (after a crash): the MS-RequestIds were fixed at the gate, and checkout is idempotent
 * per cart id (checkout-a-cart). A Partner Center failure is stored as the outcome, not thrown.
 */
export async function completeCheckout(
  deps: CartDeps, purchaseId: string, actor: Actor, options: { resuming: boolean } = { resuming: false },
): Promise<AdaptiveCard> {
  const loaded = await deps.purchases.load(purchaseId);
  if (!loaded) throw new Error(`purchase ${purchaseId} vanished during checkout`);
  const purchase = loaded.purchase;
  const direct = directSubmission(purchase);
  if (purchase.status !== 'checking_out' || !purchase.checkout || (!direct && !purchase.cart?.id) || !purchase.customer) {
    return currentCard(deps, purchase);
  }
  const startedAt = performance.now();
  let next: Purchase;
  try {
    const lines = await refreshAvailabilities(deps, purchase);
    const result = direct ? await direct(deps, { ...purchase, lines }) : await submit(deps, purchase, lines, options.resuming);
    const ordered = (result.orders ?? []).length > 0;
    next = { ...purchase, lines, status: ordered ? 'ordered' : 'failed', checkout: { ...purchase.checkout, finishedAt: deps.now().toISOString(), result } };
  } catch (error) {
    if (isBeingCheckedOutElsewhere(error)) {
      // 409 800064: another request (another instance, or the run a restart is resuming) is checking this
      // cart out right now. Its outcome will be stored by it; writing "failed" here could win the race
      // against an order that was in fact placed.
      deps.log.info({ purchaseId }, 'cart is being checked out by another request; leaving the outcome to it');
      return currentCard(deps, purchase);
    }
    deps.log.warn({ purchaseId, failure: toFailure(error) }, 'checkout failed');
    next = { ...purchase, status: 'failed', checkout: { ...purchase.checkout, finishedAt: deps.now().toISOString(), failure: toFailure(error) } };
  }
  const saved = await saveOutcome(deps, loaded, next, actor);
  recordCheckout({ kind: purchase.kind, outcome: saved.status, durationMs: performance.now() - startedAt, resumed: options.resuming });
  if (saved.status === 'ordered') {
    await announce(deps, saved);
    await deps.orderPlaced?.(saved).catch((error: unknown) => deps.log.warn({ err: String(error) }, 'could not start watching the order'));
  }
  return resultCard(saved);
}

async function submit(deps: CartDeps, purchase: Purchase, lines: DraftLine[], resuming: boolean): Promise<CartCheckoutResult> {
  const checkout = purchase.checkout!;
  const customerId = purchase.customer!.id;
  const cartId = purchase.cart!.id!;
  // A checkout resumed after a restart may find its cart already ordered: then no PUT (it would fail 800065).
  const current = resuming ? await deps.partnerCenter.getCart(callContext(purchase), customerId, cartId).catch(() => undefined) : undefined;
  if (current?.status?.toLowerCase() !== 'ordered') {
    await deps.partnerCenter.updateCart(callContext(purchase, checkout.updateRequestId), customerId, cartId, buildCartRequest(lines, checkout.attestation));
  }
  const checkoutContext = callContext(purchase, checkout.checkoutRequestId);
  try {
    return await deps.partnerCenter.checkoutCart(checkoutContext, customerId, cartId);
  } catch (error) {
    // After a timeout or outage the order may still have been placed: re-read the cart, and if it was
    // ordered, checkout returns the stored result instead of ordering again.
    if (!isPartnerCenterError(error) || !['network', 'timeout', 'transient', 'throttled'].includes(error.kind)) throw error;
    const cart = await deps.partnerCenter.getCart(callContext(purchase), customerId, cartId);
    if (cart.status?.toLowerCase() !== 'ordered') throw error;
    return deps.partnerCenter.checkoutCart(checkoutContext, customerId, cartId);
  }
}

/**
 * Availability ids rotate and a stale one fails checkout with 400019 ("issue a new GET … and retry"):
 * each line's availability is read again (uncached) and replaced by the one now offering the same term.
 */
async function refreshAvailabilities(deps: CartDeps, purchase: Purchase): Promise<DraftLine[]> {
  const ctx = callContext(purchase);
  const customerId = purchase.customer!.id;
  return Promise.all(
    purchase.lines.map(async (line) => {
      if (!line.availabilityId) return line;
      try {
        await deps.partnerCenter.getAvailability(ctx, customerId, line.productId, line.skuId, line.availabilityId);
        return line;
      } catch (error) {
        if (!isPartnerCenterError(error) || error.kind !== 'not_found') throw error;
        const current = await deps.partnerCenter.listAvailabilities(ctx, customerId, line.productId, line.skuId);
        const match = current.find((a) => (a.terms ?? []).some((term) => term.duration === line.termDuration) || (!line.termDuration && !a.terms?.length));
        if (!match) throw error;
        return { ...line, availabilityId: match.id, catalogItemId: match.catalogItemId };
      }
    }),
  );
}

async function saveOutcome(deps: CartDeps, loaded: LoadedPurchase, next: Purchase, actor: Actor): Promise<Purchase> {
  const action = next.status === 'ordered' ? 'checkout.ordered' : 'checkout.failed';
  const orderIds = (next.checkout?.result?.orders ?? []).map((o) => o.id);
  return (await deps.purchases.saveOrReload(loaded, next, { action, actor, details: { orderIds, failure: next.checkout?.failure } })).purchase;
}

async function announce(deps: CartDeps, purchase: Purchase): Promise<void> {
  if (!deps.resultsChannelId || purchase.conversation.id.startsWith(deps.resultsChannelId)) return;
  await deps.gateway
    .postToChannel(purchase.conversation, deps.resultsChannelId, announcementCard(purchase))
    .catch((error: unknown) => deps.log.warn({ err: String(error) }, 'could not announce the order in the results channel'));
}

function isBeingCheckedOutElsewhere(error: unknown): boolean {
  return isPartnerCenterError(error) && error.httpStatus === 409 && String(error.code) === '800064';
}
