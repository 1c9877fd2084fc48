import { replaceOrPost } from '../replace-or-post';
import type { BackgroundWork } from '../../background-work';
import type { Logger } from '../../logger';
import { isPartnerCenterError, type PartnerCenterReader } from '../../partner-center';
import type { Order } from '../../partner-center/schemas';
import { ETagConflictError } from '../../store/errors';
import { KeyedMutex } from '../../store/keyed-mutex';
import type { Versioned } from '../../store/storage';
import { resultCard } from '../purchase/views/result-card';
import { currentUndoOffer } from '../purchase/undo/current-undo-offer';
import type { Purchase } from '../purchase/purchase';
import type { PurchaseRepository } from '../purchase/purchase-repository';
import type { AdaptiveCard, ConversationGateway } from '../ports';
import { statusCard } from './status-card';
import { delayBeforeCheck, isOrderSettled, WATCH_LIMIT_MS } from '../timing/backoff';
import { KeyedSchedule } from '../timing/keyed-schedule';
import type { WatchTimer } from '../timing/watch-timer';
import { watchedOrders } from './watched-orders';
import { OrderWatchStore, type OrderWatch } from './watch-store';

interface WatcherDeps {
  watches: OrderWatchStore;
  purchases: PurchaseRepository;
  /** Reads only: the order and its subscriptions, which app-only credentials may read. */
  reader: PartnerCenterReader;
  gateway: ConversationGateway;
  timer: WatchTimer;
  background: BackgroundWork;
  log: Logger;
  /** Told when an order is provisioned: its customer's new subscriptions exist from now on. */
  subscriptionsChanged?: (customerId: string) => void;
}

/**
 * Follows placed orders until Partner Center has provisioned them (checkout-a-cart.md: subscription ids
 * appear only once provisioned), then updates the result card where the order was placed, once. The
 * watch list is stored: `start()` after a restart resumes every open watch. Each check is one conditional
 * write, so with two bot instances only one of them acts on a given check. The orders of one purchase
 * settle on their own checks, often the same moment: their redraws of its card take turns, and each draws
 * every order as last read, so the last redraw shows them all.
 */
export class ProvisioningWatcher {
  private readonly schedule: KeyedSchedule;
  private readonly redraws = new KeyedMutex();

  constructor(private readonly deps: WatcherDeps) {
    this.schedule = new KeyedSchedule(deps.timer, deps.background);
  }

  /** Called when a purchase reaches `ordered`: every order not yet provisioned gets a watch. */
  async watchPurchase(purchase: Purchase): Promise<void> {
    for (const order of purchase.checkout?.result?.orders ?? []) {
      if (!order.id || !purchase.customer) continue;
      const now = this.deps.timer.now();
      const watch: OrderWatch = {
        orderId: order.id,
        customerId: purchase.customer.id,
        customerName: purchase.customer.name,
        purchaseId: purchase.id,
        tenantId: purchase.owner.tenantId,
        conversation: purchase.conversation,
        cardActivityId: purchase.cardActivityId,
        locale: purchase.locale,
        correlationId: purchase.correlationId,
        state: isProvisioned(order) ? 'settled' : 'watching',
        startedAt: now.toISOString(),
        nextCheckAt: new Date(now.getTime() + delayBeforeCheck(0)).toISOString(),
        checks: 0,
        order,
      };
      const id = OrderWatchStore.idOf(order.id);
      try {
        await this.deps.watches.create(id, watch);
      } catch (error) {
        // A resumed checkout reports the same order again: the first watch stands.
        if (!(error instanceof ETagConflictError)) throw error;
        continue;
      }
      if (watch.state === 'watching') this.scheduleAt(id, watch.nextCheckAt);
    }
  }

  /** Resumes the stored watches (after a restart). */
  async start(): Promise<void> {
    for (const stored of await this.deps.watches.list()) {
      if (stored.value.state === 'watching') this.scheduleAt(stored.id, stored.value.nextCheckAt);
    }
  }

  stop(): void {
    this.schedule.stop();
  }

  private scheduleAt(id: string, iso: string): void {
    this.schedule.at(id, iso, () => this.check(id));
  }

  private async check(id: string): Promise<void> {
    if (this.schedule.isStopped) return;
    const stored = await this.deps.watches.get(id);
    if (!stored || stored.value.state !== 'watching') return;
    const watch = stored.value;
    const now = this.deps.timer.now();
    let order: Order | undefined;
    let retryAfterSeconds: number | undefined;
    try {
      order = await this.deps.reader.getOrder(contextOf(watch), watch.customerId, watch.orderId);
    } catch (error) {
      // Throttling and outages are waited out with the same backoff; the watch is not lost.
      retryAfterSeconds = isPartnerCenterError(error) ? error.retryAfterSeconds : undefined;
      this.deps.log.warn({ orderId: watch.orderId, err: String(error) }, 'could not read an order being provisioned');
    }
    const settled = order !== undefined && isProvisioned(order);
    const expired = now.getTime() - Date.parse(watch.startedAt) >= WATCH_LIMIT_MS;
    const next: OrderWatch = {
      ...watch,
      order: order ?? watch.order,
      checks: watch.checks + 1,
      state: settled ? 'settled' : expired ? 'gave_up' : 'watching',
      nextCheckAt: new Date(now.getTime() + delayBeforeCheck(watch.checks + 1, retryAfterSeconds)).toISOString(),
    };
    const saved = await this.replace(id, stored, next);
    if (!saved) return;
    if (next.state === 'watching') this.scheduleAt(id, next.nextCheckAt);
    else if (next.state === 'gave_up') this.deps.log.warn({ orderId: watch.orderId, checks: next.checks }, 'order still not provisioned; stopped watching');
    else await this.announce(next);
  }

  /** The winner of the conditional write acts; a loser (another instance) leaves it to the winner. */
  private async replace(id: string, stored: Versioned<OrderWatch>, next: OrderWatch): Promise<boolean> {
    try {
      await this.deps.watches.replace(id, next, stored.eTag);
      return true;
    } catch (error) {
      if (error instanceof ETagConflictError) return false;
      throw error;
    }
  }

  private async announce(watch: OrderWatch): Promise<void> {
    this.deps.subscriptionsChanged?.(watch.customerId);
    await this.redraws.run(watch.purchaseId ?? watch.orderId, async () => {
      const card = await this.cardFor(watch);
      await replaceOrPost(this.deps.gateway, watch.conversation, watch.cardActivityId, card);
    });
  }

  /** The order just read, and the purchase's other orders as their own watches last read them. */
  private async cardFor(watch: OrderWatch): Promise<AdaptiveCard> {
    const purchase = watch.purchaseId ? (await this.deps.purchases.load(watch.purchaseId))?.purchase : undefined;
    if (purchase) {
      const latest = [...(await watchedOrders(this.deps.watches, purchase)), watch.order];
      const undo = await currentUndoOffer({ reader: this.deps.reader, now: () => this.deps.timer.now(), log: this.deps.log }, purchase, latest);
      return resultCard(purchase, latest, undo);
    }
    const subscriptions = await this.deps.reader.listSubscriptionsByOrder(contextOf(watch), watch.customerId, watch.orderId);
    return statusCard(watch.locale, { order: watch.order, customerId: watch.customerId, customerName: watch.customerName, subscriptions });
  }
}

function contextOf(watch: OrderWatch) {
  return { correlationId: watch.correlationId, locale: watch.locale };
}

/** Provisioned: settled, and every line has its subscription (subscription ids come with provisioning). */
function isProvisioned(order: Order): boolean {
  return isOrderSettled(order.status) && (order.status?.toLowerCase() !== 'completed' || order.lineItems.every((line) => Boolean(line.subscriptionId)));
}
