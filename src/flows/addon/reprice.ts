import { t } from '../../i18n/translate';
import { formatErrorForUser } from '../../partner-center';
import { answerWithin } from '../answer-within';
import { callContext } from '../purchase/purchase-deps';
import { buildCartRequest } from '../purchase/cart-request';
import { saveAndShow } from '../purchase/save-and-show';
import { progressCard } from '../purchase/views/progress-card';
import type { AddOnPurchase, WithCustomer } from '../purchase/purchase';
import type { LoadedPurchase } from '../purchase/purchase-repository';
import type { ActionTurn, AdaptiveCard, TurnResult } from '../ports';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { addOnConfirmCard } from './views/addon-cards';

/**
 * A new-commerce add-on was priced for its minimum quantity when it was chosen. When the rep asks for
 * another quantity, Partner Center prices the cart again for it (PUT) and the rep sees that price, and
 * the approval policy judges that total, before anything is bought: Buy on the repriced card buys.
 */
export function repriceAddOn(
  deps: CustomerStepDeps, turn: ActionTurn, loaded: LoadedPurchase<AddOnPurchase>, repriced: WithCustomer<AddOnPurchase>, cartId: string,
): Promise<TurnResult> {
  const locale = turn.locale;
  const quantity = repriced.lines[0]?.quantity ?? 0;
  const work = (async (): Promise<AdaptiveCard> => {
    try {
      const cart = await deps.partnerCenter.updateCart(
        callContext(repriced), repriced.customer.id, cartId, buildCartRequest(repriced.lines),
      );
      const result = await saveAndShow(deps, turn, loaded, { ...repriced, cart }, 'addon.priced', (saved) => addOnConfirmCard(saved, { repricedFor: quantity }));
      return result.card;
    } catch (error) {
      deps.log.warn({ purchaseId: repriced.id, err: String(error) }, 'could not price the add-on for the new quantity');
      return addOnConfirmCard(loaded.purchase, {
        quantity: String(quantity),
        quantityError: t(locale, 'addon.pricing.failed', { text: formatErrorForUser(error, locale) }),
      });
    }
  })();
  const progress = progressCard(t(locale, 'addon.pricing.title'), repriced.customer.name, t(locale, 'addon.pricing.text'));
  return answerWithin(deps.answerBudgetMs, work, progress, { gateway: deps.gateway, conversation: turn.conversation, activityId: turn.replyToId });
}
