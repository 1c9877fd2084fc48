import type { z } from 'zod';
import { t } from '../../i18n/translate';
import { answerWithin } from '../answer-within';
import { partnerCenterCart, type Purchase } from './purchase';
import type { LoadedPurchase } from './purchase-repository';
import type { ActionTurn, Actor, AdaptiveCard, TurnResult } from '../ports';
import { openPurchase } from './open-purchase';
import type { PurchaseDeps } from './purchase-deps';
import type { Attestation } from './cart-request';
import { completeCheckout } from './checkout-run';
import { currentCard } from './current-card';
import { cartExpired, isOrderable } from './priced-cart';
import type { ConfirmErrors } from './views/confirm-card';
import { kindOf } from './purchase-kind';
import { cardDateTime } from '../../i18n/card-time';
import { progressCard } from './views/progress-card';
import type { placeOrderPayload, purchaseRefSchema } from './payloads';

type Ref = z.infer<typeof purchaseRefSchema>;

/**
 * "Continue" on an order's review, "Send again" after a refused approval (and on a cart's review posted
 * before it became the confirmation): the kind's card with the attestation(s) to tick.
 */
export async function confirmCart(deps: PurchaseDeps, turn: ActionTurn, p: Ref): Promise<TurnResult> {
  const access = await openPurchase(deps, turn, p);
  if (!access.ok) return access.result;
  const purchase = access.loaded.purchase;
  if (!isOrderable(purchase)) return { card: await currentCard(deps, purchase) };
  return { card: await confirmationCard(deps, purchase) };
}

/** The kind's confirmation (a cart's is its review with the prices), or the purchase as it stands. */
async function confirmationCard(deps: PurchaseDeps, purchase: Purchase, errors: ConfirmErrors = {}): Promise<AdaptiveCard> {
  return kindOf(deps.kinds, purchase).confirmationCard(errors) ?? currentCard(deps, purchase);
}

/** The move to checking_out: MS-RequestIds fixed now, so every retry of the checkout reuses them. */
export function withCheckoutGate(
  deps: PurchaseDeps, purchase: Purchase, startedBy: Actor, attestation: Attestation,
): Purchase & { checkout: NonNullable<Purchase['checkout']> } {
  return {
    ...purchase,
    status: 'checking_out',
    checkout: { updateRequestId: deps.newId(), checkoutRequestId: deps.newId(), startedAt: deps.now().toISOString(), startedBy, attestation },
  };
}

/** "Place order" on a cart or an order: the confirmation's checks (state, expiry, attestations), then submitPurchase. */
export async function placeOrder(
  deps: PurchaseDeps, turn: ActionTurn, p: z.infer<typeof placeOrderPayload>,
): Promise<TurnResult> {
  const access = await openPurchase(deps, turn, p);
  if (!access.ok) return (await waitingForApproval(deps, turn, p.purchaseId)) ?? access.result;
  const { loaded } = access;
  const purchase = loaded.purchase;
  const locale = turn.locale;
  if (!isOrderable(purchase)) return purchaseAsItStands(deps, purchase);
  if (cartExpired(purchase, deps.now())) return { card: await confirmationCard(deps, purchase, { general: t(locale, 'confirm.expired') }), audience: 'clicker' };
  const needsLineAttestation = purchase.lines.some((line) => line.attestationType);
  const errors = {
    attestation: p.attestPartnerOfRecord === 'true' ? undefined : t(locale, 'confirm.attestationRequired'),
    lines: needsLineAttestation && p.attestLines !== 'true' ? t(locale, 'confirm.lineAttestationRequired') : undefined,
  };
  if (errors.attestation || errors.lines) return { card: await confirmationCard(deps, purchase, errors), audience: 'clicker' };
  const attestation = { partnerOfRecord: true, lines: needsLineAttestation };
  return submitPurchase(deps, turn, loaded, purchase, attestation, { cartId: partnerCenterCart(purchase)?.id });
}

/**
 * Where a purchase of any kind leaves the rep's hands, once its own checks passed: `submitted` is the
 * purchase as the rep sent it, `loaded` the version it was read at. One that needs an approver
 * (APPROVAL_THRESHOLD) waits for one instead, keeping the attestation; one above PURCHASE_LIMIT is refused. Otherwise the move to
 * checking_out is the single gate: one conditional write with the eTag that was read, so of two clicks,
 * two instances or a redelivered invoke exactly one gets through; the others see the purchase as it now
 * is. Partner Center is called only after the gate.
 */
export async function submitPurchase(
  deps: PurchaseDeps, turn: ActionTurn, loaded: LoadedPurchase, submitted: Purchase,
  attestation: Attestation, auditDetails: Record<string, unknown>,
): Promise<TurnResult> {
  const purchase: Purchase = { ...submitted, cardActivityId: turn.replyToId ?? submitted.cardActivityId };
  const diverted = await deps.approvalHook?.beforeCheckout(turn, loaded, purchase, attestation);
  if (diverted) return diverted;
  const next = withCheckoutGate(deps, purchase, turn.actor, attestation);
  const gated = await deps.purchases.saveOrReload(loaded, next, { action: 'checkout.started', actor: turn.actor, details: auditDetails });
  if (!gated.saved) return purchaseAsItStands(deps, gated.purchase);
  const locale = turn.locale;
  const customer = purchase.customer?.name ?? '';
  const progress = progressCard(
    t(locale, 'checkout.title'), customer, t(locale, 'checkout.text', { customer }),
    t(locale, 'checkout.startedBy', { name: turn.actor.name, time: cardDateTime(next.checkout.startedAt) }),
  );
  const work = completeCheckout(deps, purchase.id, turn.actor);
  return answerWithin(deps.answerBudgetMs, work, progress, { gateway: deps.gateway, conversation: turn.conversation, activityId: turn.replyToId });
}

/**
 * What a click that lost the checkout gate sees. While the winner is still checking out, the answer goes
 * to the clicker only: the winner's result may already be on the shared message, and a late "placing the
 * order…" must not overwrite it.
 */
async function purchaseAsItStands(deps: PurchaseDeps, purchase: Purchase): Promise<TurnResult> {
  const card = await currentCard(deps, purchase);
  return purchase.status === 'checking_out' ? { card, audience: 'clicker' } : { card };
}

/**
 * For a click on the rep's card that cannot act (a second "Place order", an old card): while the
 * purchase waits for an approver, the rep keeps seeing "waiting for approval", not a checkout in progress.
 */
export async function waitingForApproval(deps: PurchaseDeps, turn: ActionTurn, purchaseId: string): Promise<TurnResult | undefined> {
  const purchase = (await deps.purchases.load(purchaseId))?.purchase;
  if (!purchase || purchase.owner.aadObjectId !== turn.actor.aadObjectId || purchase.status !== 'awaiting_approval') return undefined;
  const card = await deps.approvalHook?.requesterCard(purchase);
  return card ? { card } : undefined;
}
