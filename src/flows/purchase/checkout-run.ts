import type { AuditAction } from '../audit-actions';
import { isPartnerCenterError } from '../../partner-center';
import type { CartCheckoutResult } from '../../partner-center/schemas';
import { recordCheckout } from '../../telemetry/checkout-metrics';
import { hasCustomer, isGated, partnerCenterCart, type DraftLine, type Failure, type Gated, type Purchase, type WithCustomer } from './purchase';
import { delayBeforeOutcomeCheck } from './outcome/outcome-backoff';
import type { LoadedPurchase } from './purchase-repository';
import type { Actor, AdaptiveCard } from '../ports';
import { callContext, type PurchaseDeps } from './purchase-deps';
import { currentCard } from './current-card';
import { placementOutcome } from './checkout-outcome';
import { toFailure } from './failure';
import { announcementCard } from './views/announcement-card';
import { kindOf, submissionOf, type BoundSubmission } from './purchase-kind';
import { isOrderSettled } from '../timing/backoff';

/**
 * Runs a gated checkout to its end: re-reads availabilities (ids rotate: 400019), PUTs the cart with the
 * attestation, checks it out, stores the outcome and returns the result card. Safe to run again for the
 * same purchase (after a crash): the MS-RequestIds were fixed at the gate, and checkout is idempotent
 * per cart id (checkout-a-cart). A Partner Center refusal is stored as the outcome, not thrown; an answer
 * that never came, or a cart another request is checking out (409 800064), leaves the outcome unknown,
 * for the outcome resolver to find out. Its writes are conditional, so a still-running request that
 * stores its answer first is never overwritten.
 */
export async function completeCheckout(
  deps: PurchaseDeps, purchaseId: string, actor: Actor, options: { resuming: boolean } = { resuming: false },
): Promise<AdaptiveCard> {
  const loaded = await deps.purchases.load(purchaseId);
  if (!loaded) throw new Error(`purchase ${purchaseId} vanished during checkout`);
  const purchase = loaded.purchase;
  if (purchase.status !== 'checking_out' || !isGated(purchase) || !submissionOf(deps.kinds, purchase).submission) {
    return currentCard(deps, purchase);
  }
  const startedAt = performance.now();
  let next: Purchase;
  // The lines as sent: a repeat under the same MS-RequestId must carry the same body.
  let sent: Gated = purchase;
  try {
    sent = { ...purchase, lines: await refreshAvailabilities(deps, purchase) };
    next = withResult(sent, await placeOrders(deps, sent, options.resuming), deps.now(), submissionOf(deps.kinds, sent));
  } catch (error) {
    const outcome = placementOutcome(error);
    deps.log.warn({ purchaseId, outcome, failure: toFailure(error) }, 'checkout got no order');
    next = outcome === 'unknown' ? withUnknownOutcome(sent, toFailure(error), deps.now(), 0) : withRefusal(sent, toFailure(error), deps.now());
  }
  const stored = await recordOutcome(deps, loaded, next, actor);
  recordCheckout({ kind: purchase.kind, outcome: stored.status, durationMs: performance.now() - startedAt, resumed: options.resuming });
  return currentCard(deps, stored);
}

/**
 * One attempt at placing a submitted purchase's order(s), always under the MS-RequestIds fixed at the
 * gate: Partner Center answers a repeat with the original result instead of ordering again. Callers
 * check first that the purchase has a submission (completeCheckout before its first attempt).
 */
export function placeOrders(deps: PurchaseDeps, purchase: Gated, resuming: boolean): Promise<CartCheckoutResult> {
  const submission = submissionOf(deps.kinds, purchase).submission;
  if (!submission) throw new Error(`purchase ${purchase.id} has nothing its kind can submit`);
  return submission(deps, resuming);
}

/**
 * Partner Center's answer: ordered when at least one order was placed (or the kind's own change went
 * through, as its handler judges), else a refusal of every group.
 */
export function withResult(purchase: Gated, result: CartCheckoutResult, now: Date, kind?: BoundSubmission): Purchase {
  const ordered = kind ? kind.succeeded(result) : (result.orders ?? []).length > 0;
  return {
    ...purchase, status: ordered ? 'ordered' : 'failed',
    checkout: { ...purchase.checkout, finishedAt: now.toISOString(), result, unknown: undefined },
  };
}

export function withRefusal(purchase: Gated, failure: Failure, now: Date): Purchase {
  return { ...purchase, status: 'failed', checkout: { ...purchase.checkout, finishedAt: now.toISOString(), failure, unknown: undefined } };
}

/** Still unknown after `checks` checks; the next one is due after the resolver's backoff. */
export function withUnknownOutcome(purchase: Gated, failure: Failure, now: Date, checks: number, retryAfterSeconds?: number): Purchase {
  const since = purchase.checkout.unknown?.since ?? now.toISOString();
  const nextCheckAt = new Date(now.getTime() + delayBeforeOutcomeCheck(checks, retryAfterSeconds)).toISOString();
  return { ...purchase, status: 'outcome_unknown', checkout: { ...purchase.checkout, unknown: { since, checks, nextCheckAt, lastFailure: failure } } };
}

/**
 * Stores an outcome (one conditional write; a loser of the race gets the winner's purchase back) and
 * acts on the stored one: an order is announced and watched, an unknown outcome handed to the resolver.
 */
export async function recordOutcome(deps: PurchaseDeps, loaded: LoadedPurchase, next: Purchase, actor: Actor): Promise<Purchase> {
  const { saved, purchase } = await saveOutcome(deps, loaded, next, actor);
  if (saved && purchase.status === 'ordered') {
    await announce(deps, purchase);
    await tellApprovers(deps, purchase);
    if (hasCustomer(purchase) && changedSubscriptionsAtOnce(purchase)) deps.subscriptionsChanged?.(purchase.customer.id);
    await deps.orderPlaced?.(purchase).catch((error: unknown) => deps.log.warn({ err: String(error) }, 'could not start watching the order'));
  }
  if (saved && purchase.status === 'outcome_unknown') {
    await deps.outcomeUnknown?.(purchase).catch((error: unknown) => deps.log.warn({ err: String(error) }, 'could not start resolving the outcome'));
  }
  return purchase;
}

/**
 * How long Partner Center's acceptance of a cart's availabilities counts as a fresh read: a cart is
 * created (POST) only with current availability ids, so a cart priced this recently needs no re-read
 * of its lines; the usual path from review to the order takes seconds. An approval that took longer
 * gets the re-read.
 */
export const PRICED_CART_FRESH_MS = 60_000;

/**
 * Availability ids rotate and a stale one fails checkout with 400019 ("issue a new GET … and retry"):
 * each line's availability is read again (uncached; lines sharing one share the read) and replaced by
 * the one now offering the same term, unless Partner Center accepted it in the cart moments ago.
 */
async function refreshAvailabilities(deps: PurchaseDeps, purchase: WithCustomer): Promise<DraftLine[]> {
  const ctx = callContext(purchase);
  const customerId = purchase.customer.id;
  const accepted = recentlyAcceptedCatalogItems(purchase, deps.now());
  return Promise.all(
    purchase.lines.map(async (line) => {
      if (!line.availabilityId || accepted.has(line.catalogItemId.toLowerCase())) return line;
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

/** The catalog items of the priced cart that Partner Center took without error within PRICED_CART_FRESH_MS. */
function recentlyAcceptedCatalogItems(purchase: Purchase, now: Date): Set<string> {
  const cart = partnerCenterCart(purchase);
  const pricedAt = Date.parse(cart?.lastModifiedTimestamp ?? cart?.creationTimestamp ?? '');
  const age = now.getTime() - pricedAt;
  if (!cart || !(age >= 0 && age <= PRICED_CART_FRESH_MS)) return new Set();
  return new Set(cart.lineItems.flatMap((item) => (item.error || !item.catalogItemId ? [] : [item.catalogItemId.toLowerCase()])));
}

const OUTCOME_ACTIONS: Partial<Record<Purchase['status'], AuditAction>> = {
  ordered: 'checkout.ordered', failed: 'checkout.failed', outcome_unknown: 'checkout.outcomeUnknown', unconfirmed: 'checkout.unconfirmed',
};

async function saveOutcome(deps: PurchaseDeps, loaded: LoadedPurchase, next: Purchase, actor: Actor): Promise<{ saved: boolean; purchase: Purchase }> {
  const action = OUTCOME_ACTIONS[next.status] ?? 'checkout.failed';
  const orderIds = (next.checkout?.result?.orders ?? []).map((o) => o.id);
  const failure = next.checkout?.failure ?? next.checkout?.unknown?.lastFailure;
  return deps.purchases.saveOrReload(loaded, next, { action, actor, details: { orderIds, failure } });
}

/**
 * Whether the customer's subscriptions changed with this outcome itself: a subscription change (seats,
 * a cancellation, an undo: no order) or an order provisioned at once. An order still pending adds its
 * subscriptions only when Partner Center provisions it (checkout-a-cart.md); the provisioning watch says
 * so then.
 */
function changedSubscriptionsAtOnce(purchase: Purchase): boolean {
  const orders = purchase.checkout?.result?.orders ?? [];
  return orders.length === 0 || orders.some((order) => isOrderSettled(order.status));
}

/** What went through without an approver but is theirs to know (fewer seats, a cancellation), posted where they decide. */
async function tellApprovers(deps: PurchaseDeps, purchase: Purchase): Promise<void> {
  const notice = purchase.approval ? undefined : kindOf(deps.kinds, purchase).approverNotice();
  if (notice) await deps.approvalHook?.notifyApprovers?.(purchase, notice);
}

async function announce(deps: PurchaseDeps, purchase: Purchase): Promise<void> {
  if (!deps.resultsChannelId || purchase.conversation.id.startsWith(deps.resultsChannelId)) return;
  await deps.gateway
    .postToChannel(purchase.conversation, deps.resultsChannelId, announcementCard(purchase))
    .catch((error: unknown) => deps.log.warn({ err: String(error) }, 'could not announce the order in the results channel'));
}

