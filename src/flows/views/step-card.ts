import { displayText } from '../../cards/card-guard';
import { renderCard } from '../../cards/render-card';
import type { AdaptiveCard } from '../ports';
import type { CardAction } from '../card-verb';

/** Buttons per list: a phone shows about this many without scrolling, and Teams caps card size. */
const MAX_CHOICES = 8;

/** One step of a tap-by-tap flow (the add-on's steps, the customer step): a list of choices, a search, actions. */
interface StepView {
  title: string;
  subtitle: string;
  error?: string;
  listLabel: string;
  choices: CardAction[];
  emptyText: string;
  search?: { label: string; placeholder: string; value: string; action: CardAction };
  actions: CardAction[];
}

/** The one search field of a step: what the rep typed (escaped) and its "Search" button. */
export function stepSearch(label: string, placeholder: string, value: string, action: CardAction): NonNullable<StepView['search']> {
  return { label, placeholder, value: displayText(value), action };
}

export function stepCard(view: StepView): AdaptiveCard {
  return renderCard('addon-step', {
    ...view,
    title: displayText(view.title),
    subtitle: displayText(view.subtitle),
    error: view.error ?? '',
    choices: view.choices.slice(0, MAX_CHOICES),
    showSearch: view.search !== undefined,
    // Hidden (showSearch false): the placeholder only keeps the template's `${search.…}` resolved.
    search: view.search ?? { label: '', placeholder: '', value: '', action: { title: '', verb: '', data: {}, style: 'default' } },
  });
}
