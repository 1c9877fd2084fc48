import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { t } from '../../i18n/translate';
import type { PartnerCenterReader } from '../../partner-center';
import { formatErrorForUser } from '../../partner-center';
import type { AuditLog } from '../../store/audit-log';
import { approvalPolicy, isApprover } from '../purchase/approval-policy';
import { noticeCard } from '../views/notice-card';
import { command } from '../command-table';
import type { Feature } from '../feature';
import type { Turn, TurnResult } from '../ports';
import type { CustomerRef, Purchase } from '../purchase/purchase';
import type { PurchaseRepository } from '../purchase/purchase-repository';
import { OrderWatchStore, orderIdSchema } from '../provisioning/watch-store';
import { route } from '../verb-table';
import { statusCard } from '../provisioning/status-card';

interface StatusDeps {
  reader: PartnerCenterReader;
  watches: OrderWatchStore;
  audit: AuditLog;
  purchases: PurchaseRepository;
  /** APPROVER_IDS: approvers may follow any order placed through the bot. */
  approverIds: readonly string[];
}

/** `status <order id>` and the Status button of result cards. */
export function statusFeature(deps: StatusDeps): Feature {
  return {
    name: 'status',
    access: { commands: 'use', verbs: 'use' },
    commands: [command('status', (turn, argument) => showStatus(deps, turn, argument), {
      argument: 'required', help: { description: 'welcome.cmd.status', argument: 'welcome.arg.orderId' },
    })],
    routes: [
      route('status.show', z.object({ orderId: z.string().max(100) }), (turn, p) => showStatus(deps, turn, p.orderId)),
    ],
  };
}

/**
 * An order is read under its customer (GET /customers/{id}/orders/{orderId}); the order id alone does not
 * say which customer, so it is looked up among the purchases of this bot (through the order's watch, or
 * the audit log's order index). Only the rep who placed it, approvers and whoever asks from the
 * conversation it was placed in learn anything: for anyone else it does not exist, exactly like an
 * unknown id, so trying ids tells nothing; the attempt is filed in the purchase's audit trail.
 */
async function customerOf(deps: StatusDeps, turn: Turn, orderId: string): Promise<CustomerRef | undefined> {
  const watch = await deps.watches.get(OrderWatchStore.idOf(orderId));
  const purchaseId = watch?.value.purchaseId ?? (await deps.audit.listFor({ orderId })).find((r) => r.purchaseId)?.purchaseId;
  const placedBy = purchaseId === undefined ? undefined : (await deps.purchases.load(purchaseId))?.purchase;
  if (!placedBy?.customer) return undefined;
  if (mayFollow(deps, turn, placedBy)) return placedBy.customer;
  await deps.audit.append({
    actor: { aadObjectId: turn.actor.aadObjectId, tenantId: turn.actor.tenantId || 'unknown', name: turn.actor.name || undefined },
    action: 'status.denied', purchaseId: placedBy.id, customerId: placedBy.customer.id, outcome: 'denied', details: { orderId },
  });
  return undefined;
}

function mayFollow(deps: StatusDeps, turn: Turn, purchase: Purchase): boolean {
  const person = turn.actor.aadObjectId.toLowerCase();
  const sameConversation = (id: string) => id.split(';')[0] === turn.conversation.id.split(';')[0];
  return purchase.owner.aadObjectId.toLowerCase() === person
    || isApprover(approvalPolicy({ approverIds: deps.approverIds }), turn.actor)
    || sameConversation(purchase.conversation.id);
}

async function showStatus(deps: StatusDeps, turn: Turn, raw: string): Promise<TurnResult> {
  const { locale } = turn;
  const orderId = orderIdSchema.safeParse(raw);
  if (!orderId.success) return { card: noticeCard(t(locale, 'status.badId.title'), t(locale, 'status.badId.text')), audience: 'clicker' };
  const customer = await customerOf(deps, turn, orderId.data);
  if (!customer) {
    return { card: noticeCard(t(locale, 'status.unknown.title'), t(locale, 'status.unknown.text', { orderId: orderId.data })), audience: 'clicker' };
  }
  const ctx = { correlationId: randomUUID(), locale };
  try {
    const [order, subscriptions] = await Promise.all([
      deps.reader.getOrder(ctx, customer.id, orderId.data),
      deps.reader.listSubscriptionsByOrder(ctx, customer.id, orderId.data),
    ]);
    return { card: statusCard(locale, { order, customerId: customer.id, customerName: customer.name, subscriptions }) };
  } catch (error) {
    return { card: noticeCard(t(locale, 'status.failed.title'), formatErrorForUser(error, locale)), audience: 'clicker' };
  }
}
