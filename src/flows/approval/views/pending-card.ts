import { displayText } from '../../../cards/card-guard';
import { partnerCenterCart } from '../../purchase/purchase';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import { cardDateTime } from '../../../i18n/card-time';
import type { AdaptiveCard } from '../../ports';
import type { WithApproval } from '../approval-cards';
import { kindOf, type PurchaseKinds } from '../../purchase/purchase-kind';
import { cartCommitmentTexts } from '../../../i18n/prices';
import { approvalVerbs } from '../approval-verbs';

/** The oldest requests first, as many as keep the card small on a phone and under the size budget. */
const MAX_PENDING_SHOWN = 15;

/** `pending`: the requests waiting for this approver, each with "Open" for its approval card. */
export function pendingCard(locale: string, waiting: WithApproval[], kinds: PurchaseKinds): AdaptiveCard {
  const shown = waiting.slice(0, MAX_PENDING_SHOWN);
  const summary = waiting.length === 0
    ? t(locale, 'pending.none')
    : [t(locale, 'pending.count', { count: waiting.length }), waiting.length > shown.length ? t(locale, 'pending.more', { shown: shown.length, count: waiting.length }) : '']
        .filter(Boolean)
        .join(' ');
  return renderCard('approval-pending', {
    title: t(locale, 'pending.title'),
    summary,
    items: shown.map((purchase) => ({
      title: displayText(t(locale, 'pending.item', { customer: purchase.customer?.name ?? '', total: totalText(kinds, purchase, locale) })),
      detail: displayText(detailText(purchase, locale)),
      open: approvalVerbs.show.action(t(locale, 'pending.open'), { purchaseId: purchase.id, requestId: purchase.approval.requestId }, 'positive'),
    })),
  });
}

function totalText(kinds: PurchaseKinds, purchase: WithApproval, locale: string): string {
  const kind = kindOf(kinds, purchase);
  return kind.totals() === undefined ? t(locale, 'approval.priceUnknown') : cartCommitmentTexts(locale, kind.prices()).join(' · ');
}

/** Who asked and when; and for a purchase with a Partner Center cart, when that cart expires. */
function detailText(purchase: WithApproval, locale: string): string {
  const requested = { name: purchase.approval.requestedBy.name, time: cardDateTime(purchase.approval.requestedAt) };
  const expires = partnerCenterCart(purchase)?.expirationTimestamp;
  return expires ? t(locale, 'pending.itemDetail', { ...requested, expires: cardDateTime(expires) }) : t(locale, 'pending.itemDetailNoCart', requested);
}
