import type { AdaptiveCard, ConversationGateway, Conversation, TurnResult } from './ports';

/**
 * Teams retries an invoke that is not answered within a few seconds (teams-platform §0.4). Slow work
 * therefore races a budget: if it finishes in time its card is the answer; otherwise the answer is a
 * progress card and the finished card replaces it later through the gateway. `work` must not reject.
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
    after: async () => {
      const card = await work;
      if (target.activityId) await target.gateway.update(target.conversation, target.activityId, card);
      else await target.gateway.post(target.conversation, card);
    },
  };
}
