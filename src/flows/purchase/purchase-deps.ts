import type { Logger } from '../../logger';
import type { CallContext, PartnerCenterClient, PartnerCenterReader } from '../../partner-center';
import type { Order } from '../../partner-center/schemas';
import type { UsageLimits } from '../limits/usage-limits';
import type { ApprovalHook } from './approval-hook';
import type { PurchaseKinds } from './purchase-kind';
import type { PurchaseRepository } from './purchase-repository';
import type { Purchase } from './purchase';
import type { ConversationGateway } from '../ports';

export interface PurchaseDeps {
  purchases: PurchaseRepository;
  /** What each kind of purchase adds: its card and its submission (registered in src/compose-features.ts). */
  kinds: PurchaseKinds;
  /** Approvals, when the composition plugs them in: the step between the rep's submit and the gate. */
  approvalHook?: ApprovalHook;
  /** Reads through the catalog cache; the only thing card building may use. */
  catalog: PartnerCenterReader;
  /** Mutations: used by pricing and checkout only. */
  partnerCenter: PartnerCenterClient;
  gateway: ConversationGateway;
  log: Logger;
  now: () => Date;
  newId: () => string;
  resultsChannelId?: string;
  /** Catalog views searched for products (customer-scoped products need one targetView per call). */
  targetViews: string[];
  /** How long a click may wait for Partner Center before the card shows progress instead (docs/architecture.md, rule 6). */
  answerBudgetMs: number;
  /** Per-user token buckets on what costs Partner Center calls (customer searches, new drafts). */
  limits: UsageLimits;
  /** Told of every purchase that reached `ordered` (the provisioning watch follows its orders). */
  orderPlaced?: (purchase: Purchase) => Promise<void>;
  /**
   * The purchase's orders as last read since the checkout (the provisioning watch), when the composition
   * keeps them: the checkout's answer says `pending` long after an order is provisioned.
   */
  latestOrders?: (purchase: Purchase) => Promise<Order[]>;
  /** Told when a customer's subscriptions changed (an order provisioned, seats changed): cards read them afresh. */
  subscriptionsChanged?: (customerId: string) => void;
  /** Told of every purchase whose order placement got no definite answer (the outcome resolver finds out). */
  outcomeUnknown?: (purchase: Purchase) => Promise<void>;
}

export function callContext(purchase: Purchase, requestId?: string): CallContext {
  return { correlationId: purchase.correlationId, locale: purchase.locale, requestId };
}
