import type { z } from 'zod';
import { t } from '../../i18n/translate';
import { isEditable } from '../purchase/transitions';
import type { ActionTurn, TurnResult } from '../ports';
import { openPurchase, type Access } from '../purchase/open-purchase';
import type { CartPurchase, Purchase } from '../purchase/purchase';
import { openCart } from './open-cart';
import { callContext, type PurchaseDeps } from '../purchase/purchase-deps';
import { findProduct, searchCustomers, searchProducts } from '../customer/catalog-search';
import { currentCard } from '../purchase/current-card';
import { lineEditorCard, offeringFor } from './line-editor';
import { parseLineInput } from './line-input';
import { type linePayload, type pickPayload, type saveLinePayload } from './payloads';
import { saveAndShow } from '../purchase/save-and-show';
import { confirmCard } from '../purchase/views/confirm-card';
import { draftCard } from './views/draft-card';
import { customerPickerCard, productPickerCard } from './views/picker-card';
import { customerIdSchema, type purchaseRefSchema, searchPayload } from '../purchase/payloads';
import { readForRep } from '../purchase/read-for-rep';

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

export async function searchCustomer(deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof searchPayload>): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  const purchase = access.loaded.purchase;
  if (p.query.length < 2) {
    return { card: customerPickerCard(purchase, { query: p.query, results: [], queryError: t(turn.locale, 'customer.queryTooShort') }) };
  }
  const results = await searchCustomers(deps, purchase, p.query);
  return { card: customerPickerCard(purchase, { query: p.query, results }) };
}

export async function pickCustomer(deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof pickPayload>): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  // The choice is only a customer id (a GUID): the customer is read from Partner Center, never taken from the card.
  const customerId = customerIdSchema.safeParse(p.choice);
  const read = customerId.success ? await readForRep(deps, turn.locale, deps.catalog.getCustomer(callContext(purchase), customerId.data)) : {};
  const customer = read.value;
  if (!customer) {
    const results = p.query.length >= 2 ? await searchCustomers(deps, purchase, p.query) : [];
    return { card: customerPickerCard(purchase, { query: p.query, results, choiceError: read.failure ?? t(turn.locale, 'customer.required') }), audience: 'clicker' };
  }
  const next = {
    ...purchase,
    customer: { id: customer.id, name: customer.companyProfile?.companyName ?? customer.id, domain: customer.companyProfile?.domain ?? undefined },
    lines: purchase.customer?.id === customer.id ? purchase.lines : [],
    cart: purchase.customer?.id === customer.id ? purchase.cart : undefined,
    removedLine: undefined,
    status: 'draft' as const,
  };
  return saveAndShow(deps, turn, loaded, next, 'customer.chosen', async (saved) =>
    productPickerCard(saved, { query: '', results: await searchProducts(deps, saved, '') }));
}

export async function addLine(deps: PurchaseDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  const { purchase } = access.loaded;
  return { card: productPickerCard(purchase, { query: '', results: await searchProducts(deps, purchase, '') }) };
}

export async function searchProduct(deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof searchPayload>): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  const { purchase } = access.loaded;
  return { card: productPickerCard(purchase, { query: p.query, results: await searchProducts(deps, purchase, p.query) }) };
}

export async function pickProduct(deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof pickPayload>): Promise<TurnResult> {
  const access = await openEditable(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const product = p.choice ? await findProduct(deps, loaded.purchase, p.choice) : undefined;
  if (!product) {
    const results = await searchProducts(deps, loaded.purchase, p.query);
    return { card: productPickerCard(loaded.purchase, { query: p.query, results, choiceError: t(turn.locale, 'product.required') }), audience: 'clicker' };
  }
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
 * nothing, back to the confirmation (same cart); when every order group failed, the cart is spent
 * (checkout is final per cart), so back to the draft to price a new one. Otherwise shows the purchase
 * as it stands, changing nothing.
 */
export async function showCurrent(deps: PurchaseDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openPurchase(deps, turn, p);
  if (!access.ok) return access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  if (purchase.kind === 'cart' && purchase.status === 'failed' && purchase.checkout?.failure) {
    return saveAndShow(deps, turn, loaded, { ...purchase, status: 'priced' }, 'checkout.retry', (saved) => confirmCard(saved));
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
