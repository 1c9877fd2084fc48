import { displayText } from '../../cards/card-guard';
import { renderCard } from '../../cards/render-card';
import type { AdaptiveCard } from '../ports';
import { action, type CardAction } from './actions';

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

export function stepCard(view: StepView): AdaptiveCard {
  return renderCard('addon-step', {
    ...view,
    title: displayText(view.title),
    subtitle: displayText(view.subtitle),
    error: view.error ?? '',
    choices: view.choices.slice(0, MAX_CHOICES),
    showSearch: view.search !== undefined,
    search: view.search ?? { label: '', placeholder: '', value: '', action: action('', '', {}) },
  });
}
