import { displayText, guardCard } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import { cartExpired } from '../../purchase/priced-cart';
import type { CardAction } from '../../card-verb';
import { failureDetail } from '../../purchase/views/failure-detail';
import { orderRef, orderStatusLabel } from '../../views/format';
import { cardDateTime } from '../../../i18n/card-time';
import { partnerCenterCart, type Purchase } from '../../purchase/purchase';
import type { ApprovalNextStep } from '../../purchase/approval-next-step';
import type { AdaptiveCard } from '../../ports';
import type { PurchaseKinds } from '../../purchase/purchase-kind';
import { MAX_REASON_LENGTH, type Approval } from '../../purchase/approval-schema';
import { approvalStage, type ApprovalStage } from '../approval-stage';
import { approvalSubject } from './approval-subject';
import { approvalVerbs } from '../approval-verbs';
import type { ApproverNames } from '../approver-directory';

/**
 * Who the card is drawn for: `approver` gets the decision controls, `everyone` the status (the base card
 * in the channel), `requester` the rep's own card with what they can do next.
 */
export type ApprovalView = 'approver' | 'everyone' | 'requester';

interface ApprovalCardOptions {
  view: ApprovalView;
  locale: string;
  now: Date;
  /** Each kind says what its approver is asked to approve (approval-subject.ts). */
  kinds: PurchaseKinds;
  /** A message for the clicker alone: a refusal, a decision someone else already took. */
  banner?: string;
  /** Set on the shared card while the request is open; no userIds = every member (chats of ≤ 60). */
  refresh?: { userIds?: string[] };
  /** On the requester's card while the request waits: who can decide it (ApproverDirectory.names). */
  approvers?: ApproverNames;
  /** On the requester's card once it is decided: what they can do next, from the purchase's kind. */
  next?: ApprovalNextStep;
}

const STAGE_COLORS: Record<ApprovalStage, string> = { awaiting: 'Accent', approved: 'Good', rejected: 'Attention', expired: 'Warning', withdrawn: 'Default' };

/** The approval request as a card: requester, what is asked for (approval-subject.ts) and the decision. */
export function approvalCard(purchase: Purchase & { approval: Approval }, options: ApprovalCardOptions): AdaptiveCard {
  const { locale, view } = options;
  const approval = purchase.approval;
  const stage = approvalStage(purchase);
  const expired = stage === 'awaiting' && cartExpired(purchase, options.now);
  const customer = purchase.customer?.name ?? '';
  const deciding = view === 'approver' && stage === 'awaiting';
  const { approveLabel, ...subject } = approvalSubject(options.kinds, purchase, locale);
  const card = renderCard('approval', {
    title: displayText(t(locale, `approval.title.${expired ? 'expired' : stage}`, { customer })),
    subtitle: displayText(t(locale, 'approval.subtitle', { name: approval.requestedBy.name, time: cardDateTime(approval.requestedAt) })),
    banner: displayText(options.banner ?? ''),
    status: displayText(statusText(purchase, view, expired, locale)),
    statusColor: STAGE_COLORS[expired ? 'expired' : stage],
    notes: [...approversNote(options.approvers, view, stage, expired, locale), ...notesFor(purchase, options, stage)].map((text) => ({ text: displayText(text) })),
    ...subject,
    hint: view === 'everyone' && stage === 'awaiting' && !expired ? t(locale, 'approval.hint') : '',
    showReason: deciding,
    reasonLabel: t(locale, 'approval.reasonLabel'),
    reasonPlaceholder: t(locale, 'approval.reasonPlaceholder'),
    maxReasonLength: MAX_REASON_LENGTH,
    actions: actionsFor(purchase, options, stage, expired, approveLabel ?? t(locale, 'approval.approve')),
  });
  if (!options.refresh) return card;
  const show = approvalVerbs.show.action('', { purchaseId: purchase.id, requestId: approval.requestId });
  const withRefresh: AdaptiveCard = {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', verb: show.verb, data: show.data },
      ...(options.refresh.userIds && options.refresh.userIds.length > 0 ? { userIds: options.refresh.userIds } : {}),
    },
  };
  guardCard('approval', withRefresh);
  return withRefresh;
}

function statusText(purchase: Purchase & { approval: Approval }, view: ApprovalView, expired: boolean, locale: string): string {
  const { approval } = purchase;
  const decision = approval.decision;
  const expiry = cardDateTime(partnerCenterCart(purchase)?.expirationTimestamp);
  if (!decision) {
    if (expired) return t(locale, 'approval.status.expired', { date: expiry, name: approval.requestedBy.name });
    return t(locale, view === 'requester' ? 'approval.status.awaitingRequester' : 'approval.status.awaiting');
  }
  const by = { name: decision.by.name, time: cardDateTime(decision.at) };
  switch (decision.outcome) {
    case 'approved':
      return t(locale, 'approval.status.approved', by);
    case 'rejected':
      return decision.reason ? t(locale, 'approval.status.rejectedReason', { ...by, reason: decision.reason }) : t(locale, 'approval.status.rejected', by);
    case 'withdrawn':
      return t(locale, 'approval.status.withdrawn', by);
    case 'expired':
      return view === 'requester'
        ? t(locale, 'approval.status.expiredRequester', { date: expiry })
        : t(locale, 'approval.status.expired', { date: expiry, name: approval.requestedBy.name });
  }
}

/** "Approvers: Anna, Bruno" on the waiting requester's card; names the bot has not met yet are counted. */
function approversNote(approvers: ApproverNames | undefined, view: ApprovalView, stage: ApprovalStage, expired: boolean, locale: string): string[] {
  if (!approvers || view !== 'requester' || stage !== 'awaiting' || expired) return [];
  const names = approvers.known.join(', ');
  if (approvers.unknown === 0) return [t(locale, 'approval.approvers', { names })];
  if (approvers.known.length === 0) return [t(locale, 'approval.approversUnmet', { count: approvers.unknown })];
  return [t(locale, 'approval.approversAndMore', { names, count: approvers.unknown })];
}

/** After an approval: the checkout as it stands, then its orders (or why it failed). On the requester's card, the kind's next step first. */
function notesFor(purchase: Purchase, options: ApprovalCardOptions, stage: ApprovalStage): string[] {
  const { locale } = options;
  const next = options.view === 'requester' ? options.next?.note : undefined;
  if (next) return [t(locale, next)];
  if (stage !== 'approved') return [];
  if (purchase.status === 'approved' || purchase.status === 'checking_out') return [t(locale, 'approval.checkout.running')];
  if (purchase.status === 'outcome_unknown') return [t(locale, 'outcome.checkingTitle')];
  if (purchase.status === 'unconfirmed') return [t(locale, 'outcome.unconfirmedTitle', { customer: purchase.customer?.name ?? '' })];
  const checkout = purchase.checkout;
  const notes = (checkout?.result?.orders ?? []).map((order) => t(locale, 'approval.checkout.order', { orderId: orderRef(order.id ?? ''), status: orderStatusLabel(locale, order.status) }));
  const groupErrors = checkout?.result?.orderErrors?.length ?? 0;
  if (groupErrors > 0) notes.push(t(locale, 'approval.checkout.orderErrors', { count: groupErrors }));
  if (checkout?.failure) {
    const ids = { correlationId: purchase.correlationId, requestId: checkout.checkoutRequestId };
    notes.push(t(locale, 'approval.checkout.failed', { detail: failureDetail(locale, checkout.failure, ids) }));
  }
  return notes;
}

/** Approvers decide; the requester withdraws while the request waits, then gets the kind's next step. */
function actionsFor(
  purchase: Purchase & { approval: Approval }, options: ApprovalCardOptions, stage: ApprovalStage, expired: boolean, approveLabel: string,
): CardAction[] {
  const { locale, view } = options;
  const decisionData = { purchaseId: purchase.id, requestId: purchase.approval.requestId };
  if (view === 'approver' && stage === 'awaiting') {
    if (expired) return [approvalVerbs.reject.action(t(locale, 'approval.sendBack'), decisionData)];
    return [
      approvalVerbs.approve.action(approveLabel, decisionData, 'positive'),
      approvalVerbs.reject.action(t(locale, 'approval.reject'), decisionData, 'destructive'),
    ];
  }
  if (view !== 'requester') return [];
  if (stage === 'awaiting' && !expired) return [approvalVerbs.withdraw.action(t(locale, 'approval.withdraw'), decisionData, 'destructive')];
  return options.next?.actions ?? [];
}
