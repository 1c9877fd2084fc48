import { displayText } from '../../cards/card-guard';
import type { MessageKey } from '../../i18n/catalogs';
import { t } from '../../i18n/translate';
import type { AdaptiveCard, SearchResult } from '../ports';
import type { CustomerRef, Purchase } from '../purchase/purchase';
import type { CardVerb } from '../card-verb';
import type { customerStepPayload } from './customer-payloads';
import type { purchaseRefSchema, searchPayload } from '../purchase/payloads';
import { refOf } from '../views/actions';
import { stepCard } from '../views/step-card';

/** The verbs a flow's customer step card emits, and its title. */
export interface CustomerStepVerbs {
  title: MessageKey;
  pick: CardVerb<typeof customerStepPayload>;
  search: CardVerb<typeof searchPayload, 'query'>;
  cancel: CardVerb<typeof purchaseRefSchema>;
}

/**
 * The customer step shared by the add-on and order flows, each with its own verbs: recent customers as
 * one-tap buttons, then search results, with the search box below.
 */
export function customerStepCard(
  purchase: Purchase, state: { recent: CustomerRef[]; results: SearchResult[]; query: string; error?: string },
  verbs: CustomerStepVerbs,
): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const pick = (title: string, customerId: string) => verbs.pick.action(title, { ...ref, customerId });
  const searching = state.query !== '';
  return stepCard({
    title: t(locale, verbs.title),
    subtitle: t(locale, searching ? 'addon.customer.results' : 'addon.customer.hint'),
    error: state.error,
    listLabel: t(locale, searching ? 'addon.customer.found' : 'addon.customer.recent'),
    choices: searching ? state.results.map((r) => pick(displayText(r.title), r.value)) : state.recent.map((c) => pick(displayText(c.name), c.id)),
    emptyText: searching ? t(locale, 'addon.customer.none', { query: state.query }) : '',
    search: {
      label: t(locale, 'addon.customer.searchLabel'),
      placeholder: t(locale, 'addon.customer.placeholder'),
      value: displayText(state.query),
      action: verbs.search.action(t(locale, 'common.search'), ref),
    },
    actions: [verbs.cancel.action(t(locale, 'common.cancel'), ref, 'destructive')],
  });
}
