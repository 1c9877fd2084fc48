import type { AdaptiveCard, ConversationGateway, Conversation, TurnResult } from './ports';
import { replaceOrPost } from './replace-or-post';

/**
 * Teams retries an invoke that is not answered within a few seconds (docs/platform-notes.md, "Invokes: answer fast, expect redelivery"). Slow work
 * therefore races a budget: if it finishes in time its card is the answer; otherwise the answer is a
 * progress card and the finished card replaces it later through the gateway. `work` should turn its own
 * failures into a card: one that rejects after the budget leaves the progress card showing.
 */
export async function answerWithin(
  budgetMs: number,
  work: Promise<AdaptiveCard>,
  progress: AdaptiveCard,
  target: { gateway: ConversationGateway; conversation: Conversation; activityId?: string },
): Promise<TurnResult> {
  if (await settledWithin(budgetMs, work)) return { card: await work };
  return {
    card: progress,
    after: async () => replaceOrPost(target.gateway, target.conversation, target.activityId, await work),
  };
}

/** Waits for `work` at most `budgetMs` (the answer budget above): true if it settled, either way, in time. */
export async function settledWithin(budgetMs: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), budgetMs);
  });
  const settled = work.then(() => true as const, () => true as const);
  const result = await Promise.race([settled, late]);
  clearTimeout(timer);
  return result;
}
