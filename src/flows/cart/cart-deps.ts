import type { Logger } from '../../logger';
import type { CallContext, PartnerCenterClient, PartnerCenterReader } from '../../partner-center';
import { ETagConflictError } from '../../store/errors';
import type { UsageLimits } from '../limits/usage-limits';
import type { PurchaseRepository } from '../purchase/purchase-repository';
import type { Purchase } from '../purchase/purchase';
import type { ConversationGateway } from '../ports';

export interface CartDeps {
  purchases: PurchaseRepository;
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
  /** Told of every purchase whose order placement got no definite answer (the outcome resolver finds out). */
  outcomeUnknown?: (purchase: Purchase) => Promise<void>;
}

export function callContext(purchase: Purchase, requestId?: string): CallContext {
  return { correlationId: purchase.correlationId, locale: purchase.locale, requestId };
}

export function isConflict(error: unknown): error is ETagConflictError {
  return error instanceof ETagConflictError;
}
