import { randomUUID } from 'node:crypto';
import type { BackgroundWork } from './background-work';
import type { Config } from './config';
import type { AuditAction } from './flows/audit-actions';
import { addOnFeature } from './flows/addon/addon-feature';
import { approvalSettings, type ApprovalDeps } from './flows/approval/approval-deps';
import { approvalFeature } from './flows/approval/approval-feature';
import { approvalHook } from './flows/approval/approval-hook';
import { auditFeature } from './flows/audit/audit-feature';
import { cartFeature } from './flows/cart/cart-feature';
import type { CustomerStepDeps } from './flows/customer/customer-deps';
import { RecentCustomers } from './flows/customer/recent-customers';
import type { Feature } from './flows/feature';
import type { UsageLimits } from './flows/limits/usage-limits';
import { orderFeature } from './flows/order/order-feature';
import type { ConversationGateway } from './flows/ports';
import { watchedOrders } from './flows/provisioning/watched-orders';
import { OrderWatchStore } from './flows/provisioning/watch-store';
import { purchaseFeature } from './flows/purchase/purchase-feature';
import type { Purchase } from './flows/purchase/purchase';
import type { PurchaseRepository } from './flows/purchase/purchase-repository';
import { seatsFeature } from './flows/seats/seats-feature';
import { statusFeature } from './flows/status/status-feature';
import type { Logger } from './logger';
import { readerOnly, type PartnerCenterClient } from './partner-center';
import { reusingSubscriptionLists } from './partner-center/shown-subscriptions';
import type { AuditLog } from './store/audit-log';
import type { VersionedStorage } from './store/storage';
import { purchaseKinds } from './purchase-kinds';

/** What the features are built from: the stores, Partner Center, the gateway to Teams and the clocks. */
interface FeatureParts {
  config: Pick<Config, 'approvals' | 'resultsChannelId'>;
  storage: VersionedStorage;
  audit: AuditLog<AuditAction>;
  purchases: PurchaseRepository;
  partnerCenter: PartnerCenterClient;
  gateway: ConversationGateway;
  background: BackgroundWork;
  log: Logger;
  now: () => Date;
  /** How long a click waits for Partner Center before showing progress. */
  answerBudgetMs: number;
  limits: UsageLimits;
  /** Told of every purchase that reached `ordered` / got no definite answer (the provisioning watch, the outcome resolver). */
  orderPlaced?: (purchase: Purchase) => Promise<void>;
  outcomeUnknown?: (purchase: Purchase) => Promise<void>;
}

/** The composed flows: the engine's dependencies (kinds and approval hook plugged in) and every feature the bot routes. */
interface ComposedFeatures {
  deps: ApprovalDeps & CustomerStepDeps;
  features: Feature[];
  /** The provisioning watch's store, which `status` reads too. */
  watches: OrderWatchStore;
}

/**
 * Plugs the purchase kinds and approvals into the engine and lists the features: the one wiring of the
 * flows, used by the bot (src/app.ts) and by the in-process handler tests alike.
 */
export function composeFeatures(parts: FeatureParts): ComposedFeatures {
  const { config, storage, audit, purchases, log, now } = parts;
  const approverIds = config.approvals.approverIds;
  const watches = new OrderWatchStore(storage);
  const shownSubscriptions = reusingSubscriptionLists(readerOnly(parts.partnerCenter));
  const deps: ApprovalDeps & CustomerStepDeps = {
    purchases,
    kinds: purchaseKinds,
    catalog: shownSubscriptions,
    partnerCenter: parts.partnerCenter,
    gateway: parts.gateway,
    log,
    now,
    newId: randomUUID,
    resultsChannelId: config.resultsChannelId,
    targetViews: ['OnlineServices', 'Azure', 'AzureReservations', 'Software', 'MarketplaceSaaS'],
    answerBudgetMs: parts.answerBudgetMs,
    approvals: approvalSettings(config.approvals, storage, audit, log, now),
    limits: parts.limits,
    orderPlaced: parts.orderPlaced,
    outcomeUnknown: parts.outcomeUnknown,
    latestOrders: (purchase) => watchedOrders(watches, purchase),
    subscriptionsChanged: (customerId) => shownSubscriptions.forgetCustomer(customerId),
    recent: new RecentCustomers(storage),
  };
  deps.approvalHook = approvalHook(deps, parts.background);
  const features = [
    cartFeature(deps), purchaseFeature(deps), approvalFeature(deps), addOnFeature(deps), orderFeature(deps), seatsFeature(deps),
    statusFeature({ reader: deps.catalog, watches, audit, purchases, approverIds }),
    auditFeature({ audit, approverIds, log }),
  ];
  return { deps, features, watches };
}
