import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import type { Purchase } from '../../purchase/purchase';
import type { AdaptiveCard, SearchResult } from '../../ports';
import { action, refOf } from '../../views/actions';

interface PickerState {
  query: string;
  results: SearchResult[];
  /** Shown next to the search box / the choice list; empty when all is well. */
  queryError?: string;
  choiceError?: string;
  error?: string;
}

/** At most 15 choices: Teams' typeahead shows 15 and long static lists break the size budget. */
export const MAX_CHOICES = 15;

export function customerPickerCard(purchase: Purchase, state: PickerState): AdaptiveCard {
  const locale = purchase.locale;
  return pickerCard(purchase, state, {
    title: t(locale, 'customer.title'),
    subtitle: t(locale, 'customer.hint'),
    queryLabel: t(locale, 'customer.queryLabel'),
    queryPlaceholder: t(locale, 'customer.placeholder'),
    choiceLabel: t(locale, 'customer.choiceLabel'),
    emptyText: state.query ? t(locale, 'customer.none', { query: state.query }) : '',
    dataset: 'customers',
    searchVerb: 'cart.searchCustomer',
    pickVerb: 'cart.pickCustomer',
  });
}

export function productPickerCard(purchase: Purchase, state: PickerState): AdaptiveCard {
  const locale = purchase.locale;
  return pickerCard(purchase, state, {
    title: t(locale, 'product.title'),
    subtitle: purchase.customer ? t(locale, 'customer.subtitle', { name: purchase.customer.name }) : '',
    queryLabel: t(locale, 'product.queryLabel'),
    queryPlaceholder: t(locale, 'product.placeholder'),
    choiceLabel: t(locale, 'product.choiceLabel'),
    emptyText: state.query ? t(locale, 'product.none', { query: state.query }) : '',
    dataset: 'products',
    searchVerb: 'cart.searchProduct',
    pickVerb: 'cart.pickProduct',
  });
}

interface PickerTexts {
  title: string;
  subtitle: string;
  queryLabel: string;
  queryPlaceholder: string;
  choiceLabel: string;
  emptyText: string;
  dataset: string;
  searchVerb: string;
  pickVerb: string;
}

function pickerCard(purchase: Purchase, state: PickerState, texts: PickerTexts): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const choices = state.results.slice(0, MAX_CHOICES).map((r) => ({ title: displayText(r.title), value: r.value }));
  const actions = [];
  if (choices.length > 0) actions.push(action(t(locale, 'common.select'), texts.pickVerb, ref, 'positive'));
  if (purchase.customer) actions.push(action(t(locale, 'common.back'), 'cart.show', ref));
  actions.push(action(t(locale, 'common.cancel'), 'cart.cancel', ref, 'destructive'));
  return renderCard('picker', {
    ...texts,
    // Typeahead (Data.Query) sends the card's inputs, not action data: the purchase id travels as a hidden input.
    purchaseId: purchase.id,
    subtitle: displayText(texts.subtitle),
    emptyText: displayText(texts.emptyText),
    query: displayText(state.query),
    queryError: state.queryError ?? '',
    error: state.error ?? '',
    choiceError: state.choiceError ?? '',
    choices,
    choiceValue: choices.length === 1 ? choices[0].value : '',
    searchAction: { title: t(locale, 'common.search'), verb: texts.searchVerb, data: ref },
    actions,
  });
}
