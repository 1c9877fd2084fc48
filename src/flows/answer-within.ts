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
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), budgetMs);
  });
  const first = await Promise.race([work, timeout]);
  clearTimeout(timer);
  if (first !== 'late') return { card: first };
  return {
    card: progress,
    after: async () => replaceOrPost(target.gateway, target.conversation, target.activityId, await work),
  };
}
