import type { BackgroundWork } from '../../background-work';
import { replaceOrPost } from '../replace-or-post';
import { completeCheckout } from './checkout-run';
import type { Actor } from '../ports';
import type { Purchase } from './purchase';
import type { PurchaseDeps } from './purchase-deps';

interface ResumedWork {
  /** Checkouts a crash or restart interrupted, run again to their end. */
  checkouts: number;
  /** Purchases approved before the restart, handed to the approval hook to be ordered. */
  approved: number;
  /** Order placements still without an answer, handed to the outcome resolver. */
  unknown: number;
}

/**
 * The one start-up scan over the purchases a restart left unfinished (`unfinishedIds`: the repository's
 * listUnfinishedIds(), listed once). A checkout is finished with the MS-RequestIds fixed at its gate, so
 * Partner Center orders at most once, and the rep's card is updated with the outcome; an approved one is
 * ordered by the approval hook; an unknown outcome goes back to the resolver.
 */
export async function resumeUnfinished(deps: PurchaseDeps, background: BackgroundWork, unfinishedIds: string[]): Promise<ResumedWork> {
  const resumed: ResumedWork = { checkouts: 0, approved: 0, unknown: 0 };
  for (const id of unfinishedIds) {
    const loaded = await deps.purchases.load(id);
    if (!loaded) continue;
    const { purchase } = loaded;
    if (purchase.status === 'checking_out' && purchase.checkout) {
      resumed.checkouts += 1;
      resumeCheckout(deps, background, purchase, purchase.checkout.startedBy);
    } else if (purchase.status === 'approved' && deps.approvalHook?.resume(loaded)) {
      resumed.approved += 1;
    } else if (purchase.status === 'outcome_unknown' && deps.outcomeUnknown) {
      resumed.unknown += 1;
      await deps.outcomeUnknown(purchase);
    }
  }
  return resumed;
}

function resumeCheckout(deps: PurchaseDeps, background: BackgroundWork, purchase: Purchase, startedBy: Actor): void {
  background.run(async () => {
    const card = await completeCheckout(deps, purchase.id, startedBy, { resuming: true });
    await replaceOrPost(deps.gateway, purchase.conversation, purchase.cardActivityId, card);
  });
}
