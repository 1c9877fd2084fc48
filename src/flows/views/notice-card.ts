import { displayText } from '../../cards/card-guard';
import { renderCard } from '../../cards/render-card';
import type { AdaptiveCard } from '../ports';
import type { CardAction } from '../card-verb';

export function noticeCard(title: string, text: string, detail = '', actions: CardAction[] = []): AdaptiveCard {
  return renderCard('notice', { title: displayText(title), text: displayText(text), detail: displayText(detail), actions });
}
