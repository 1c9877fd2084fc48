import type { z } from 'zod';
import { formatErrorForUser, isPartnerCenterError } from '../../partner-center';
import { t } from '../../i18n/translate';
import { isEditable } from '../purchase/transitions';
import type { LoadedPurchase } from '../purchase/purchase-repository';
import { hasCustomer, type CartPurchase } from '../purchase/purchase';
import { answerWithin } from '../answer-within';
import type { ActionTurn, AdaptiveCard, TurnResult } from '../ports';
import { openCart } from './open-cart';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';
import { buildCartRequest } from '../purchase/cart-request';
import { currentCard } from '../purchase/current-card';
import { toFailure } from '../purchase/failure';
import { cartExpired } from '../purchase/priced-cart';
import { draftCard } from './views/draft-card';
import { previewCard } from './views/preview-card';
import { progressCard } from '../purchase/views/progress-card';
import type { purchaseRefSchema } from '../purchase/payloads';

type Ref = z.infer<typeof purchaseRefSchema>;

/** "Review prices": creates the Partner Center cart (or replaces it with PUT) and shows what it says. */
export async function reviewCart(deps: PurchaseDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openCart(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  if (!isEditable(purchase.status)) return { card: await currentCard(deps, purchase) };
  if (purchase.lines.length === 0 || !hasCustomer(purchase)) return { card: draftCard(purchase, t(turn.locale, 'draft.needLine')), audience: 'clicker' };
  const work = priceCart(deps, turn, loaded, purchase.customer.id);
  const progress = progressCard(t(turn.locale, 'review.title', { customer: purchase.customer.name }), '', t(turn.locale, 'review.pricing'));
  return answerWithin(deps.answerBudgetMs, work, progress, { gateway: deps.gateway, conversation: turn.conversation, activityId: turn.replyToId });
}

async function priceCart(deps: PurchaseDeps, turn: ActionTurn, loaded: LoadedPurchase<CartPurchase>, customerId: string): Promise<AdaptiveCard> {
  const purchase = loaded.purchase;
  const ctx = callContext(purchase);
  const body = buildCartRequest(purchase.lines);
  try {
    const existingId = purchase.cart?.id;
    const reusable = existingId && purchase.cart?.status?.toLowerCase() === 'active' && !cartExpired(purchase, deps.now());
    const cart = reusable
      ? await deps.partnerCenter.updateCart(ctx, customerId, existingId, body).catch((error: unknown) => {
          // The cart may have expired or vanished on Partner Center's side: start a new one.
          if (isPartnerCenterError(error) && error.kind === 'not_found') return deps.partnerCenter.createCart(ctx, customerId, body);
          throw error;
        })
      : await deps.partnerCenter.createCart(ctx, customerId, body);
    const outcome = await deps.purchases.saveOrReload(
      loaded,
      { ...purchase, cart, status: 'priced', pricingFailure: undefined, checkout: undefined, editing: undefined, removedLine: undefined },
      { action: 'cart.priced', actor: turn.actor, details: { cartId: cart.id } },
    );
    return currentCard(deps, outcome.purchase);
  } catch (error) {
    deps.log.warn({ purchaseId: purchase.id, failure: toFailure(error) }, 'pricing failed');
    const message = t(purchase.locale, 'review.pricingFailed', { text: formatErrorForUser(error, purchase.locale) });
    const saved = await deps.purchases
      .save(loaded, { ...purchase, status: 'draft', pricingFailure: toFailure(error) }, { action: 'cart.pricingFailed', actor: turn.actor })
      .catch(() => loaded);
    return draftCard(saved.purchase, message);
  }
}

/** The dry run: the exact requests the confirmation will send, built by code that cannot send them. */
export async function showRequest(deps: PurchaseDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openCart(deps, turn, p);
  if (!access.ok) return access.result;
  return { card: previewCard(access.loaded.purchase), audience: 'clicker' };
}
