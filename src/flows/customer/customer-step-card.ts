import { displayText } from '../../cards/card-guard';
import type { MessageKey } from '../../i18n/catalogs';
import { t } from '../../i18n/translate';
import type { AdaptiveCard, SearchResult } from '../ports';
import type { CustomerRef, Purchase } from '../purchase/purchase';
import type { CardVerb } from '../card-verb';
import type { customerStepPayload } from './customer-payloads';
import type { purchaseRefSchema, searchPayload } from '../purchase/payloads';
import { refOf } from '../views/actions';
import { stepCard, stepSearch } from '../views/step-card';

/** The verbs a flow's customer step card emits, and its title. */
export interface CustomerStepVerbs {
  title: MessageKey;
  pick: CardVerb<typeof customerStepPayload>;
  search: CardVerb<typeof searchPayload, 'query'>;
  cancel: CardVerb<typeof purchaseRefSchema>;
}

/**
 * The customer step shared by the cart, add-on, order and seats flows, each with its own verbs: recent
 * customers (or the search results) as one-tap buttons, with the one search field below.
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
    search: stepSearch(t(locale, 'addon.customer.searchLabel'), t(locale, 'addon.customer.placeholder'), state.query, verbs.search.action(t(locale, 'common.search'), ref)),
    actions: [verbs.cancel.action(t(locale, 'common.cancel'), ref, 'destructive')],
  });
}
