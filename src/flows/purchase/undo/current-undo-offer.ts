import type { Logger } from '../../../logger';
import type { PartnerCenterReader } from '../../../partner-center';
import type { Purchase } from '../purchase';
import { newSubscriptionsOf } from './new-subscriptions';
import { undoOfferOf, type UndoOffer } from './undo-offer';

interface UndoOfferDeps {
  reader: PartnerCenterReader;
  now: () => Date;
  log: Logger;
}

/**
 * What Undo can do for a placed purchase, read from Partner Center, for drawing its result card. A read
 * that fails leaves Undo off this drawing (logged): the card still shows the order, and the next drawing
 * (the refresh, a click) reads again.
 */
export async function currentUndoOffer(deps: UndoOfferDeps, purchase: Purchase): Promise<UndoOffer> {
  if (purchase.status !== 'ordered') return { kind: 'none' };
  try {
    return undoOfferOf(await newSubscriptionsOf(deps.reader, purchase), deps.now());
  } catch (error) {
    deps.log.warn({ purchaseId: purchase.id, err: String(error) }, 'could not read the new subscriptions: the result card shows no Undo this time');
    return { kind: 'none' };
  }
}
