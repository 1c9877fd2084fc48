import { t } from '../../i18n/translate';
import { addOnCurrentCard } from '../addon/addon-current-card';
import { hasApproval, requesterCard } from '../approval/approval-cards';
import { orderCurrentCard } from '../order/order-current-card';
import type { Purchase } from '../purchase/purchase';
import type { AdaptiveCard } from '../ports';
import type { CartDeps } from './cart-deps';
import { searchProducts } from './catalog-search';
import { lineEditorCard } from './line-editor';
import { submittedPurchaseCard } from './submitted-purchase-card';
import { draftCard } from './views/draft-card';
import { customerPickerCard, productPickerCard } from './views/picker-card';
import { reviewCard } from './views/review-card';
import { noticeCard } from './views/notice-card';

/**
 * The card that shows a purchase as it stands. Used after a restart, for stale clicks and for "back":
 * the rep always carries on from the stored state, never from what an old card claims.
 */
export async function currentCard(deps: CartDeps, purchase: Purchase): Promise<AdaptiveCard> {
  if (purchase.status === 'awaiting_approval' && hasApproval(purchase)) return requesterCard(deps, purchase);
  if (purchase.kind === 'addon') return addOnCurrentCard(deps, purchase);
  if (purchase.kind === 'order') return orderCurrentCard(purchase);
  const submitted = submittedPurchaseCard(purchase);
  if (submitted) return submitted;
  const locale = purchase.locale;
  if (purchase.status === 'cancelled') return noticeCard(t(locale, 'cancelled.title'), t(locale, 'cancelled.text'));
  if (purchase.status === 'priced') return reviewCard(purchase);
  if (!purchase.customer) return customerPickerCard(purchase, { query: '', results: [] });
  if (purchase.editing) return lineEditorCard(deps, purchase, purchase.editing.productId, purchase.editing.lineId);
  // A customer and no line yet: the rep is picking the first product (what "Select customer" showed).
  if (purchase.lines.length === 0) return productPickerCard(purchase, { query: '', results: await searchProducts(deps, purchase, '') });
  return draftCard(purchase);
}
