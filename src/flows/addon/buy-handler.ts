import type { z } from 'zod';
import { t } from '../../i18n/translate';
import { submitPurchase } from '../purchase/checkout-handlers';
import { currentCard } from '../purchase/current-card';
import { isOrderable } from '../purchase/priced-cart';
import { hasCustomer } from '../purchase/purchase';
import type { ActionTurn, TurnResult } from '../ports';
import { openAddOn } from './access';
import { repriceAddOn } from './reprice';
import type { CustomerStepDeps } from '../customer/customer-deps';
import type { addOnBuyPayload } from './payloads';
import { addOnConfirmCard } from './views/addon-cards';
import { quantityWithin } from '../quantity';

/**
 * "Buy": the quantity and the attestation are checked; a new-commerce add-on whose quantity changed is
 * priced again first (repriceAddOn), so what is bought is what was shown. Then the add-on goes the way of every purchase
 * (submitPurchase): to an approver when the approval policy asks for one, else through the one checkout
 * gate, so of a double tap or two concurrent clicks exactly one order reaches Partner Center.
 */
export async function buyAddOn(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof addOnBuyPayload>): Promise<TurnResult> {
  const access = await openAddOn(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  const choice = purchase.addOn.choice;
  const line = purchase.lines[0];
  const locale = turn.locale;
  if (!isOrderable(purchase) || !hasCustomer(purchase) || !choice || !line) {
    return { card: await currentCard(deps, purchase) };
  }
  const quantity = quantityWithin(p.quantity, choice.minQuantity, choice.maxQuantity);
  if (quantity === undefined || p.attest !== 'true') {
    return {
      card: addOnConfirmCard(purchase, {
        quantity: p.quantity,
        quantityError: quantity !== undefined ? '' : t(locale, 'line.quantityRange', { min: choice.minQuantity, max: choice.maxQuantity }),
        attestationError: p.attest === 'true' ? '' : t(locale, 'confirm.attestationRequired'),
      }),
      audience: 'clicker',
    };
  }
  const cartId = purchase.cart?.id;
  if (cartId && quantity !== line.quantity) {
    return repriceAddOn(deps, turn, loaded, { ...purchase, lines: [{ ...line, quantity }] }, cartId);
  }
  return submitPurchase(
    deps, turn, loaded, { ...purchase, lines: [{ ...line, quantity }] }, { partnerOfRecord: true, lines: Boolean(line.attestationType) },
    { addOn: choice.id, baseSubscriptionId: purchase.addOn.base?.id, quantity },
  );
}
