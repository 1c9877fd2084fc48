import { replaceOrPost } from '../replace-or-post';
import { hasApproval, requesterCard, sharedApprovalCard, type WithApproval } from './approval-cards';
import type { ApprovalDeps } from './approval-deps';

/**
 * Shows a decision (and later the checkout's outcome) to everyone: the approval card in the channel,
 * and the requester in their own conversation, on the card they placed the order from. Failures are
 * logged: the decision is stored and `pending`/refresh show it anyway.
 */
export async function publishDecision(deps: ApprovalDeps, purchase: WithApproval, options: { skipSharedCard: boolean }): Promise<void> {
  const shared = purchase.approval.card;
  const warn = (what: string) => (error: unknown) => deps.log.warn({ purchaseId: purchase.id, err: String(error) }, `could not update the ${what}`);
  if (shared && !options.skipSharedCard) {
    const card = await sharedApprovalCard(deps, purchase, 'everyone', purchase.locale);
    await deps.gateway.update(shared.conversation, shared.activityId, card).catch(warn('approval card'));
  }
  const mine = await requesterCard(deps, purchase);
  await replaceOrPost(deps.gateway, purchase.conversation, purchase.cardActivityId, mine).catch(warn("requester's card"));
}

/** Reloads and publishes; for work that finishes after the click was answered. */
export async function publishLatest(deps: ApprovalDeps, purchaseId: string): Promise<void> {
  const loaded = await deps.purchases.load(purchaseId);
  if (loaded && hasApproval(loaded.purchase)) await publishDecision(deps, loaded.purchase, { skipSharedCard: false });
}
