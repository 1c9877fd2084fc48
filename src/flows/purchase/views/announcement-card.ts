import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { cartCommitmentTexts } from '../../../i18n/prices';
import { t } from '../../../i18n/translate';
import type { Purchase } from '../purchase';
import type { AdaptiveCard } from '../../ports';
import { orderRef } from '../../views/format';
import { linePrices } from '../priced-lines';

/** The short "who bought what" post for RESULTS_CHANNEL_ID: no actions, nothing to click. */
export function announcementCard(purchase: Purchase): AdaptiveCard {
  const locale = purchase.locale;
  const orders = purchase.checkout?.result?.orders ?? [];
  return renderCard('notice', {
    title: displayText(t(locale, 'announce.title', { name: purchase.checkout?.startedBy.name ?? purchase.owner.name, customer: purchase.customer?.name ?? '' })),
    text: displayText(purchase.lines.map((l) => t(locale, 'draft.lineSummary', { quantity: l.quantity, product: l.productTitle })).join('; ')),
    detail: displayText([orders.map((o) => orderRef(o.id ?? '')).join(', '), ...cartCommitmentTexts(locale, linePrices(purchase))].filter(Boolean).join(' · ')),
    actions: [],
    details: [],
    detailsTitle: '',
    links: [],
  });
}
