import type { BackgroundWork } from '../../background-work';
import { replaceOrPost } from '../replace-or-post';
import type { CartDeps } from './cart-deps';
import { completeCheckout } from './checkout-run';

/**
 * After a crash or restart, purchases left in `checking_out` are finished: the same MS-RequestIds are
 * reused and checkout is idempotent per cart, so Partner Center orders at most once; the rep's card is
 * then updated with the outcome. `unfinishedIds`: the repository's listUnfinishedIds(). Returns how many were resumed.
 */
export async function resumeInterruptedCheckouts(deps: CartDeps, background: BackgroundWork, unfinishedIds: string[]): Promise<number> {
  let resumed = 0;
  for (const id of unfinishedIds) {
    const loaded = await deps.purchases.load(id);
    const purchase = loaded?.purchase;
    if (purchase?.status !== 'checking_out' || !purchase.checkout) continue;
    resumed += 1;
    background.run(async () => {
      const card = await completeCheckout(deps, id, purchase.checkout!.startedBy, { resuming: true });
      await replaceOrPost(deps.gateway, purchase.conversation, purchase.cardActivityId, card);
    });
  }
  return resumed;
}
