import type { BackgroundWork } from '../../../background-work';
import { isPartnerCenterError } from '../../../partner-center';
import type { PurchaseDeps } from '../purchase-deps';
import { placementOutcome } from '../checkout-outcome';
import { placeOrders, recordOutcome, withRefusal, withResult, withUnknownOutcome } from '../checkout-run';
import { toFailure } from '../failure';
import { KeyedSchedule } from '../../timing/keyed-schedule';
import type { WatchTimer } from '../../timing/watch-timer';
import { isGated, type Gated, type Purchase } from '../purchase';
import { submissionOf } from '../purchase-kind';
import { OUTCOME_LIMIT_MS } from './outcome-backoff';

interface ResolverDeps {
  cart: PurchaseDeps;
  timer: WatchTimer;
  background: BackgroundWork;
  /** Shows a purchase's new state wherever it is shown (the rep's card, an approval channel). */
  publish(purchase: Purchase): Promise<void>;
}

/**
 * Finds out what became of order placements that got no definite answer (status `outcome_unknown`). Each
 * check repeats the placement under the MS-RequestIds fixed at the gate — Partner Center answers a
 * repeat with the original result, and places the order only if the first request never reached it —
 * and, when that gets no answer either, looks the order up (findPlacedOrders). Checks back off
 * (outcome-backoff.ts); after OUTCOME_LIMIT_MS the purchase becomes `unconfirmed`, never "failed".
 * The state lives on the stored purchase, so the start-up scan (resume-unfinished.ts) hands every open one back after a restart,
 * and each check is one conditional write: of two instances, one acts.
 */
export class OutcomeResolver {
  private readonly schedule: KeyedSchedule;

  constructor(private readonly deps: ResolverDeps) {
    this.schedule = new KeyedSchedule(deps.timer, deps.background);
  }

  /** Schedules the next check of a purchase whose outcome is (still) unknown. */
  async track(purchase: Purchase): Promise<void> {
    const due = purchase.checkout?.unknown?.nextCheckAt;
    if (purchase.status === 'outcome_unknown' && due) this.schedule.at(purchase.id, due, () => this.check(purchase.id));
  }

  stop(): void {
    this.schedule.stop();
  }

  private async check(id: string): Promise<void> {
    if (this.schedule.isStopped) return;
    const { purchases, log } = this.deps.cart;
    const loaded = await purchases.load(id);
    const purchase = loaded?.purchase;
    const unknown = purchase?.checkout?.unknown;
    if (!loaded || purchase?.status !== 'outcome_unknown' || !isGated(purchase) || !unknown) return;
    const next = await this.ask(purchase, unknown);
    log.info({ purchaseId: id, status: next.status, checks: next.checkout?.unknown?.checks }, 'checked an unknown order outcome');
    const saved = await recordOutcome(this.deps.cart, loaded, next, purchase.checkout.startedBy);
    if (saved.status !== 'outcome_unknown') await this.deps.publish(saved);
  }

  private async ask(purchase: Gated, unknown: NonNullable<Gated['checkout']['unknown']>): Promise<Purchase> {
    const { cart, timer } = this.deps;
    const checks = unknown.checks + 1;
    const kind = submissionOf(cart.kinds, purchase);
    try {
      return withResult(purchase, await placeOrders(cart, purchase, true), timer.now(), kind);
    } catch (error) {
      if (placementOutcome(error) === 'refused') return withRefusal(purchase, toFailure(error), timer.now());
      const found = await kind.findPlacedOrders(cart).catch((lookup: unknown) => {
        cart.log.warn({ purchaseId: purchase.id, failure: toFailure(lookup) }, 'could not look the order up');
        return [];
      });
      const now = timer.now();
      if (found.length > 0) return withResult(purchase, { orders: found }, now);
      const failure = toFailure(error);
      if (now.getTime() - Date.parse(unknown.since) >= OUTCOME_LIMIT_MS) {
        return { ...purchase, status: 'unconfirmed', checkout: { ...purchase.checkout, unknown: { ...unknown, checks, lastFailure: failure } } };
      }
      const retryAfterSeconds = isPartnerCenterError(error) ? error.retryAfterSeconds : undefined;
      return withUnknownOutcome(purchase, failure, now, checks, retryAfterSeconds);
    }
  }
}
