import { displayText } from '../../cards/card-guard';
import { renderCard } from '../../cards/render-card';
import type { AdaptiveCard } from '../ports';
import type { CardAction } from '../card-verb';

/** What support needs, behind a "Details" toggle, and links out (the Partner Center portal). */
interface NoticeDetails {
  title: string;
  lines: string[];
  links: { title: string; url: string }[];
}

export function noticeCard(title: string, text: string, detail = '', actions: CardAction[] = [], details?: NoticeDetails): AdaptiveCard {
  return renderCard('notice', {
    title: displayText(title),
    text: displayText(text),
    detail: displayText(detail),
    actions,
    detailsTitle: details?.title ?? '',
    details: (details?.lines ?? []).map((line) => ({ text: displayText(line) })),
    links: (details?.links ?? []).map((link) => ({ ...link, style: 'default' })),
  });
}
