import type { Logger } from '../../../logger';
import type { PartnerCenterReader } from '../../../partner-center';
import type { Order } from '../../../partner-center/schemas';
import { isOrderSettled } from '../../timing/backoff';
import { placedOrders } from '../placed-orders';
import type { Purchase } from '../purchase';
import { newSubscriptionsOf } from './new-subscriptions';
import { undoOfferOf, type UndoOffer } from './undo-offer';

interface UndoOfferDeps {
  reader: PartnerCenterReader;
  now: () => Date;
  log: Logger;
}

/**
 * What Undo can do for a placed purchase, read from Partner Center, for drawing its result card. Each
 * order is judged by its own latest status (`latest`: what was read since the checkout, else the
 * checkout's answer): Partner Center creates an order's subscriptions only when it provisions it
 * (checkout-a-cart.md), so an order still pending has nothing to take back and its subscriptions are not
 * read; the provisioning watch draws the card again once it is provisioned. A read that fails leaves Undo
 * off this drawing (logged): the card still shows the order, and the next drawing (the refresh, a click)
 * reads again.
 */
export async function currentUndoOffer(deps: UndoOfferDeps, purchase: Purchase, latest: readonly Order[]): Promise<UndoOffer> {
  if (purchase.status !== 'ordered') return { kind: 'none' };
  const settled = placedOrders(purchase, latest).filter((order) => isOrderSettled(order.status));
  if (settled.length === 0) return { kind: 'none' };
  try {
    return undoOfferOf(await newSubscriptionsOf(deps.reader, purchase, settled), deps.now());
  } catch (error) {
    deps.log.warn({ purchaseId: purchase.id, err: String(error) }, 'could not read the new subscriptions: the result card shows no Undo this time');
    return { kind: 'none' };
  }
}
