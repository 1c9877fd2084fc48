import { displayText } from '../../../cards/card-guard';
import { t } from '../../../i18n/translate';
import type { CustomerRef, Purchase } from '../../purchase/purchase';
import type { AdaptiveCard, SearchResult } from '../../ports';
import { customerStepCard, type CustomerStepVerbs } from '../../customer/customer-step-card';
import { MAX_RESULTS } from '../../customer/customer-step';
import { refOf } from '../../views/actions';
import { stepCard, stepSearch } from '../../views/step-card';
import { sharedVerbs } from '../../purchase/shared-verbs';
import { cartVerbs } from '../cart-verbs';

/** The cart's customer step is the shared one (recent customers, one search field) with the cart's verbs. */
export const CART_CUSTOMER_VERBS: CustomerStepVerbs = {
  title: 'customer.title', pick: cartVerbs.pickCustomer, search: cartVerbs.searchCustomer, cancel: sharedVerbs.cartCancel,
};

export function customerPickerCard(purchase: Purchase, recent: CustomerRef[]): AdaptiveCard {
  return customerStepCard(purchase, { recent, results: [], query: '' }, CART_CUSTOMER_VERBS);
}

interface ProductPickerState {
  /** What this customer bought before, newest first: one tap each while nothing is searched. */
  boughtBefore: SearchResult[];
  /** The products matching `query`; ignored while the query is empty. */
  results: SearchResult[];
  query: string;
  error?: string;
}

/** The product step: the products bought before for this customer, or up to five search results, one tap each. */
export function productPickerCard(purchase: Purchase, state: ProductPickerState): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const searching = state.query !== '';
  const shown = (searching ? state.results : state.boughtBefore).slice(0, MAX_RESULTS);
  const actions = [];
  if (purchase.lines.length > 0) actions.push(sharedVerbs.cartShow.action(t(locale, 'common.back'), ref));
  actions.push(sharedVerbs.cartCancel.action(t(locale, 'common.cancel'), ref, 'destructive'));
  return stepCard({
    title: t(locale, 'product.title'),
    subtitle: purchase.customer ? t(locale, 'customer.subtitle', { name: purchase.customer.name }) : '',
    error: state.error,
    listLabel: t(locale, searching ? 'product.found' : 'product.boughtBefore'),
    choices: shown.map((r) => cartVerbs.pickProduct.action(displayText(r.title), { ...ref, choice: r.value })),
    emptyText: searching ? t(locale, 'product.none', { query: state.query }) : '',
    search: stepSearch(t(locale, 'product.queryLabel'), t(locale, 'product.placeholder'), state.query, cartVerbs.searchProduct.action(t(locale, 'common.search'), ref)),
    actions,
  });
}
