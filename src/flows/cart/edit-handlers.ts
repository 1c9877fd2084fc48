import type { z } from 'zod';
import { t } from '../../i18n/translate';
import { isEditable } from '../purchase/transitions';
import type { ActionTurn, TurnResult } from '../ports';
import { openPurchase, type Access } from '../purchase/open-purchase';
import type { CartPurchase, Purchase } from '../purchase/purchase';
import { openCart } from './open-cart';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import { findProduct, searchProducts } from '../customer/catalog-search';
import { currentCard } from '../purchase/current-card';
import { lineEditorCard, offeringFor } from './line-editor';
import { parseLineInput } from './line-input';
import { type linePayload, type pickPayload, type saveLinePayload } from './payloads';
import { saveAndShow } from '../purchase/save-and-show';
import { draftCard } from './views/draft-card';
import { productPickerCard } from './views/picker-card';
import type { purchaseRefSchema, searchPayload } from '../purchase/payloads';
import type { customerStepPayload } from '../customer/customer-payloads';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { pickCustomerStep, searchCustomerStep } from '../customer/customer-step';
import { cartCustomerStep } from './choose-customer';
import { productStep } from './product-step';

type Ref = z.infer<typeof purchaseRefSchema>;

/** Opens an editable cart, or answers with the current card when it can no longer be edited. */
async function openEditable(deps: PurchaseDeps, turn: ActionTurn, ref: Ref): Promise<Access<CartPurchase>> {
  return whileEditable(deps, await openCart(deps, turn, ref));
}

async function whileEditable<P extends Purchase>(deps: PurchaseDeps, access: Access<P>): Promise<Access<P>> {
  if (access.ok && !isEditable(access.loaded.purchase.status)) {
    return { ok: false as const, result: { card: await currentCard(deps, access.loaded.purchase) } };
  }
  return access;
}

export async function searchCustomer(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof searchPayload>): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  return searchCustomerStep(deps, turn, access.loaded, p.query, cartCustomerStep(deps, turn.actor));
}

export async function pickCustomer(deps: CustomerStepDeps, turn: ActionTurn, p: z.infer<typeof customerStepPayload>): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  return pickCustomerStep(deps, turn, access.loaded, p.customerId, cartCustomerStep(deps, turn.actor));
}

export async function addLine(deps: PurchaseDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  return { card: await productStep(deps, access.loaded.purchase) };
}

/** "Search" on the product step: up to five matches, one tap each; exactly one match is picked at once. */
export async function searchProduct(deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof searchPayload>): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  const { purchase } = access.loaded;
  if (p.query === '') return { card: await productStep(deps, purchase) };
  const results = await searchProducts(deps, purchase, p.query);
  if (results.length === 1) return pickProduct(deps, turn, { purchaseId: p.purchaseId, version: p.version, choice: results[0].value });
  return { card: productPickerCard(purchase, { boughtBefore: [], results, query: p.query }) };
}

export async function pickProduct(deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof pickPayload>): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const product = p.choice ? await findProduct(deps, loaded.purchase, p.choice) : undefined;
  if (!product) return { card: await productStep(deps, loaded.purchase, t(turn.locale, 'product.required')), audience: 'clicker' };
  const next = { ...loaded.purchase, editing: { productId: product.id }, status: 'draft' as const };
  return saveAndShow(deps, turn, loaded, next, 'product.chosen');
}

export async function saveLine(deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof saveLinePayload>): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  if (!purchase.editing) return { card: draftCard(purchase) };
  const offering = await offeringFor(deps, purchase, purchase.editing.productId);
  if (!offering) return { card: draftCard(purchase, t(turn.locale, 'line.unknownOffer')) };
  const lineId = purchase.editing.lineId ?? deps.newId();
  const parsed = parseLineInput(purchase.locale, p, offering, lineId);
  if ('form' in parsed) {
    // The same card comes back with the message next to the field and the rep's values kept.
    return { card: await lineEditorCard(deps, purchase, purchase.editing.productId, purchase.editing.lineId, parsed.form), audience: 'clicker' };
  }
  const replaced = purchase.lines.some((l) => l.lineId === lineId);
  const lines = replaced ? purchase.lines.map((l) => (l.lineId === lineId ? parsed.line : l)) : [...purchase.lines, parsed.line];
  const next = { ...purchase, lines, editing: undefined, removedLine: undefined, status: 'draft' as const };
  return saveAndShow(deps, turn, loaded, next, replaced ? 'line.updated' : 'line.added');
}

export async function editLine(deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof linePayload>): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const line = loaded.purchase.lines.find((l) => l.lineId === p.lineId);
  if (!line) return { card: draftCard(loaded.purchase, t(turn.locale, 'draft.pickLine')), audience: 'clicker' };
  const next = { ...loaded.purchase, editing: { productId: line.productId, lineId: line.lineId }, status: 'draft' as const };
  return saveAndShow(deps, turn, loaded, next, 'line.editing');
}

export async function removeLine(deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof linePayload>): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const index = loaded.purchase.lines.findIndex((l) => l.lineId === p.lineId);
  if (index < 0) return { card: draftCard(loaded.purchase, t(turn.locale, 'draft.pickLine')), audience: 'clicker' };
  const next = {
    ...loaded.purchase,
    lines: loaded.purchase.lines.filter((l) => l.lineId !== p.lineId),
    removedLine: { line: loaded.purchase.lines[index], index },
    status: 'draft' as const,
  };
  return saveAndShow(deps, turn, loaded, next, 'line.removed');
}

/** "Undo" after Remove: the stored line goes back where it stood; the card only names the purchase. */
export async function undoRemove(deps: PurchaseDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const removed = loaded.purchase.removedLine;
  if (!removed) return { card: await currentCard(deps, loaded.purchase), audience: 'clicker' };
  const lines = [...loaded.purchase.lines];
  lines.splice(Math.min(removed.index, lines.length), 0, removed.line);
  const next = { ...loaded.purchase, lines, removedLine: undefined, status: 'draft' as const };
  return saveAndShow(deps, turn, loaded, next, 'line.restored');
}

/**
 * "Back": leaves a line being edited. "Try again" on a failed checkout: when Partner Center ordered
 * nothing, back to the review where the order is placed (same cart); when every order group failed, the cart is spent
 * (checkout is final per cart), so back to the draft to price a new one. Otherwise shows the purchase
 * as it stands, changing nothing.
 */
export async function showCurrent(deps: PurchaseDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openPurchase(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  if (purchase.kind === 'cart' && purchase.status === 'failed' && purchase.checkout?.failure) {
    return saveAndShow(deps, turn, loaded, { ...purchase, status: 'priced' }, 'checkout.retry');
  }
  if (purchase.kind === 'cart' && purchase.status === 'failed') {
    return saveAndShow(deps, turn, loaded, { ...purchase, status: 'draft', cart: undefined }, 'checkout.retry');
  }
  if (purchase.kind !== 'cart' || !purchase.editing) return { card: await currentCard(deps, purchase) };
  return saveAndShow(deps, turn, loaded, { ...purchase, editing: undefined }, 'line.editCancelled');
}

/**
 * From a review or a failed checkout back to editing: the cart must be priced again before ordering.
 * "Edit" on the rep's approval card brings an order of offers here too.
 */
export async function editCart(deps: PurchaseDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await whileEditable(deps, await openPurchase(deps, turn, p));
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  const next: Purchase = purchase.kind === 'cart' ? { ...purchase, editing: undefined, status: 'draft' } : { ...purchase, status: 'draft' };
  return saveAndShow(deps, turn, loaded, next, 'cart.editing');
}
