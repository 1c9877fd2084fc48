import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { t } from '../../i18n/translate';
import type { PartnerCenterReader } from '../../partner-center';
import { formatErrorForUser } from '../../partner-center';
import type { AuditLog } from '../../store/audit-log';
import { noticeCard } from '../cart/views/notice-card';
import { command } from '../command-table';
import type { Feature } from '../feature';
import type { Actor, TurnResult } from '../ports';
import { OrderWatchStore, orderIdSchema } from '../provisioning/watch-store';
import { route } from '../verb-table';
import { statusCard } from './status-card';

export interface StatusDeps {
  reader: PartnerCenterReader;
  watches: OrderWatchStore;
  audit: AuditLog;
}

/** `status <order id>` and the Status button of result cards. */
export function statusFeature(deps: StatusDeps): Feature {
  return {
    name: 'status',
    commands: [command('status', (turn, argument) => showStatus(deps, turn.actor, turn.locale, argument), {
      argument: 'required', help: { description: 'welcome.cmd.status', argument: 'welcome.arg.orderId' },
    })],
    routes: [
      route('status.show', z.object({ orderId: z.string().max(100) }), (turn, p) => showStatus(deps, turn.actor, turn.locale, p.orderId)),
    ],
  };
}

/**
 * An order is read under its customer (GET /customers/{id}/orders/{orderId}); the order id alone does not
 * say which customer, so it is looked up among orders placed through the bot, by this partner tenant only.
 */
async function customerOf(deps: StatusDeps, actor: Actor, orderId: string): Promise<{ id: string; name: string } | undefined> {
  const watch = await deps.watches.get(OrderWatchStore.idOf(orderId));
  if (watch) return watch.value.tenantId === actor.tenantId ? { id: watch.value.customerId, name: watch.value.customerName } : undefined;
  const records = await deps.audit.listFor({ orderId });
  const record = records.find((r) => r.customerId && r.actor.tenantId === actor.tenantId);
  return record?.customerId ? { id: record.customerId, name: record.customerId } : undefined;
}

async function showStatus(deps: StatusDeps, actor: Actor, locale: string, raw: string): Promise<TurnResult> {
  const orderId = orderIdSchema.safeParse(raw);
  if (!orderId.success) return { card: noticeCard(t(locale, 'status.badId.title'), t(locale, 'status.badId.text')), audience: 'clicker' };
  const customer = await customerOf(deps, actor, orderId.data);
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
