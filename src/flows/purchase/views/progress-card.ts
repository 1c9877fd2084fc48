import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import type { AdaptiveCard } from '../../ports';

/** `subtitle` is the customer's name, shown as text. Shown while slow Partner Center work runs after the click was answered; replaced when it finishes. */
export function progressCard(title: string, subtitle: string, text: string, detail = ''): AdaptiveCard {
  return renderCard('cart-progress', { title: displayText(title), subtitle: plainText(subtitle), text: displayText(text), detail: displayText(detail) });
}
