import { guardCard } from '../../../cards/card-guard';
import type { CardName } from '../../../cards/render-card';
import type { CardAction } from '../../card-verb';
import type { Actor, AdaptiveCard } from '../../ports';

/**
 * A card with Undo that Teams fetches again when its owner looks at it: `refresh` with the owner in
 * `userIds` (Universal Actions, user-specific views), answered by the bot with the current card, which
 * has no Undo (and no `refresh`) once the window has closed. Only the owner: no one else may undo.
 */
export function withOwnerRefresh(template: CardName, card: AdaptiveCard, owner: Actor, show: CardAction): AdaptiveCard {
  const refreshed: AdaptiveCard = { ...card, refresh: { action: { type: 'Action.Execute', verb: show.verb, data: show.data }, userIds: [owner.userId] } };
  guardCard(template, refreshed);
  return refreshed;
}
