import type { z } from 'zod';
import { t } from '../../i18n/translate';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { openCustomerStep, pickCustomerStep, searchCustomerStep, type CustomerStep } from '../customer/customer-step';
import { openPurchase } from '../purchase/open-purchase';
import { currentCard } from '../purchase/current-card';
import { startPurchase } from '../purchase/conversation-purchase';
import { saveAndShow } from '../purchase/save-and-show';
import { hasCustomer, type OrderPurchase, type PurchaseStatus } from '../purchase/purchase';
import type { Access } from '../purchase/open-purchase';
import type { ActionTurn, Actor, Conversation, TurnResult } from '../ports';
import { ORDER_CUSTOMER_VERBS } from './order-kind';
import { linesRefusingCycle, orderLine } from './order-lines';
import type { orderLinePayload, orderReviewPayload } from './payloads';
import { orderDraftCard } from './views/order-cards';
import type { customerStepPayload } from '../customer/customer-payloads';
import type { purchaseRefSchema, searchPayload } from '../purchase/payloads';

type Ref = z.infer<typeof purchaseRefSchema>;

/** Opens an order-kind purchase in one of `open` states; anything else shows where it stands. */
async function openOrder(
  deps: CustomerStepDeps, turn: ActionTurn, ref: Ref, open: readonly PurchaseStatus[] = ['draft', 'expired'],
): Promise<Access<OrderPurchase>> {
  const access = await openPurchase(deps, turn, ref);
  if (!access.ok) return access;
  const { purchase, eTag } = access.loaded;
  if (purchase.kind !== 'order' || !open.includes(purchase.status)) {
    return { ok: false, result: { card: await currentCard(deps, purchase) } };
  }
  return { ok: true, loaded: { purchase, eTag } };
}

/** The order's customer step: once the customer is chosen, the order's draft (its lines start empty). */
function orderCustomerStep(deps: CustomerStepDeps, turn: Pick<ActionTurn, 'actor'>): CustomerStep<OrderPurchase> {
  return {
    verbs: ORDER_CUSTOMER_VERBS,
    chosen: (loaded, { ref }) => saveAndShow(deps, turn, loaded, { ...loaded.purchase, customer: ref, lines: [], status: 'draft' }, 'customer.chosen'),
  };
}

/** `new order`: New-PartnerCustomerOrder in cards — offers, quantities and one billing cycle. */
export async function startOrder(deps: CustomerStepDeps, actor: Actor, conversation: Conversation, locale: string): Promise<TurnResult> {
  const now = deps.now().toISOString();
  const purchase: OrderPurchase = {
    id: deps.newId(), kind: 'order', status: 'draft', version: 0, owner: actor, conversation, locale,
    correlationId: deps.newId(), lines: [], order: { billingCycle: 'monthly' }, createdAt: now, updatedAt: now,
  };
  const created = await startPurchase(deps, purchase, actor);
  return openCustomerStep(deps, { actor, locale }, created, '', orderCustomerStep(deps, { actor }));
}

export async function searchOrderCustomer(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof searchPayload>): Promise<TurnResult> {
  const access = await openOrder(deps, turn, p);
  if (!access.ok) return access.result;
  return searchCustomerStep(deps, turn, access.loaded, p.query, orderCustomerStep(deps, turn));
}

export async function pickOrderCustomer(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof customerStepPayload>): Promise<TurnResult> {
  const access = await openOrder(deps, turn, p);
  if (!access.ok) return access.result;
  return pickCustomerStep(deps, turn, access.loaded, p.customerId, orderCustomerStep(deps, turn));
}

export async function addOrderLine(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof orderLinePayload>): Promise<TurnResult> {
  const access = await openOrder(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = { ...loaded.purchase, order: { billingCycle: p.billingCycle } };
  if (!hasCustomer(purchase)) return { card: await currentCard(deps, purchase) };
  const outcome = await orderLine(deps, purchase, p);
  if ('error' in outcome) {
    return { card: orderDraftCard(purchase, { ...p, error: outcome.error }), audience: 'clicker' };
  }
  return saveAndShow(deps, turn, loaded, { ...purchase, status: 'draft', lines: [...purchase.lines, outcome.line] }, 'line.added');
}

/** "Review": every offer must support the order's billing cycle; then the order is ready to confirm. */
export async function reviewOrder(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof orderReviewPayload>): Promise<TurnResult> {
  const access = await openOrder(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = { ...loaded.purchase, order: { billingCycle: p.billingCycle } };
  if (purchase.lines.length === 0 || !hasCustomer(purchase)) return { card: orderDraftCard(purchase, { error: t(turn.locale, 'draft.needLine') }), audience: 'clicker' };
  const refused = await linesRefusingCycle(deps, purchase, p.billingCycle);
  if (refused.length > 0) {
    return { card: orderDraftCard(purchase, { error: t(turn.locale, 'order.cycleRefused', { offers: refused.join(', ') }) }), audience: 'clicker' };
  }
  return saveAndShow(deps, turn, loaded, { ...purchase, status: 'priced' }, 'order.reviewed');
}

/** From the review or a failed order back to the draft. */
export async function editOrder(deps: CustomerStepDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openOrder(deps, turn, p, ['priced', 'failed', 'draft', 'expired']);
  if (!access.ok) return access.result;
  return saveAndShow(deps, turn, access.loaded, { ...access.loaded.purchase, status: 'draft', checkout: undefined }, 'order.editing');
}
