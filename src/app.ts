import type restify from 'restify';
import { BackgroundWork } from './background-work';
import type { Config } from './config';
import { composeFeatures } from './compose-features';
import { AccessGate } from './flows/access/access-gate';
import { accessRules } from './flows/access/access-rules';
import { createTurnHandlers } from './flows/turns/bot-turns';
import { resumeUnfinished } from './flows/purchase/resume-unfinished';
import { OutcomeResolver } from './flows/purchase/outcome/outcome-resolver';
import { publishPurchase } from './flows/purchase/publish-purchase';
import { ProvisioningWatcher } from './flows/provisioning/provisioning-watcher';
import { systemWatchTimer, type WatchTimer } from './flows/timing/watch-timer';
import { UsageLimits } from './flows/limits/usage-limits';
import { auditLogSink } from './flows/purchase/audit-sink';
import type { AuditAction } from './flows/audit-actions';
import { handledOnce } from './flows/turns/redelivered-turn';
import { RedeliveryGuard } from './flows/turns/redelivery-guard';
import { PurchaseRepository } from './flows/purchase/purchase-repository';
import { drain, type DrainOutcome } from './lifecycle/drain';
import { Readiness } from './lifecycle/readiness';
import { TurnGate } from './lifecycle/turn-gate';
import type { Logger } from './logger';
import { createPartnerCenterClient, type AccessTokenProvider } from './partner-center';
import type { RetryPolicySettings } from './partner-center/retry-policy';
import { createServer, listen } from './server';
import { AuditLog } from './store/audit-log';
import type { VersionedStorage } from './store/storage';
import { createAdapter, type OutboundSettings } from './teams/adapter';
import { BotConversationGateway } from './teams/conversation-gateway';
import { MemberDirectory } from './teams/member-directory';
import { PartnerCartBot } from './teams/partner-cart-bot';

export interface AppParts {
  config: Config;
  storage: VersionedStorage;
  partnerCenterBaseUrl: string;
  tokenProvider: AccessTokenProvider;
  log: Logger;
  now?: () => Date;
  /** How long a click waits for Partner Center before showing progress. */
  answerBudgetMs?: number;
  /** When the provisioning watch re-reads orders and unknown order outcomes are asked again; tests inject one they move by hand. */
  provisioningTimer?: WatchTimer;
  /** Bot Connector timing (clock, limits, retries); defaults are Teams' limits and the real clock. */
  outbound?: OutboundSettings;
  /** Partner Center retry settings; defaults are the client's (see retry-policy.ts). */
  partnerCenterRetry?: Partial<RetryPolicySettings>;
  /** Per-user token buckets; default USAGE_LIMITS on the real clock. */
  usageLimits?: UsageLimits;
  /** The interface to listen on, instead of the configured HOST. */
  host?: string;
}

export interface RunningApp {
  port: number;
  server: restify.Server;
  background: BackgroundWork;
  purchases: PurchaseRepository;
  audit: AuditLog;
  /** `/readyz`; the composition root records the Partner Center self-check here. */
  readiness: Readiness;
  /**
   * Graceful stop (SIGTERM): refuses new turns at once, lets running turns and background work finish
   * within `deadlineMs`, then stops listening. Work cut off by the deadline is resumed by the next start.
   */
  shutdown(deadlineMs: number): Promise<DrainOutcome>;
  close(): Promise<void>;
}

/** Builds the bot from its parts and starts listening: the part of start-up tests share with `npm start`. */
export async function startApp(parts: AppParts, port: number): Promise<RunningApp> {
  const { config, log } = parts;
  const now = parts.now ?? (() => new Date());
  const adapter = createAdapter(config.botEnvironment, log, parts.outbound);
  const audit = new AuditLog<AuditAction>(parts.storage, { now });
  const purchases = new PurchaseRepository(parts.storage, auditLogSink(audit), now);
  const partnerCenter = createPartnerCenterClient({
    baseUrl: parts.partnerCenterBaseUrl, tokenProvider: parts.tokenProvider, logger: log, retry: parts.partnerCenterRetry,
  });
  const background = new BackgroundWork((error) => log.error({ err: String(error) }, 'background work failed'));
  const { deps, features, watches } = composeFeatures({
    config, storage: parts.storage, audit, purchases, partnerCenter, background, log, now,
    gateway: new BotConversationGateway(adapter, config.botEnvironment.MicrosoftAppId ?? ''),
    answerBudgetMs: parts.answerBudgetMs ?? 800,
    limits: parts.usageLimits ?? new UsageLimits(),
    orderPlaced: (purchase) => watcher.watchPurchase(purchase),
    outcomeUnknown: (purchase) => resolver.track(purchase),
  });
  const watcher = new ProvisioningWatcher({
    watches, purchases, reader: deps.catalog, gateway: deps.gateway, background, log, timer: parts.provisioningTimer ?? systemWatchTimer(now),
    subscriptionsChanged: deps.subscriptionsChanged,
  });
  const resolver = new OutcomeResolver({
    cart: deps, background, timer: parts.provisioningTimer ?? systemWatchTimer(now), publish: (purchase) => publishPurchase(deps, purchase),
  });
  const accessGate = new AccessGate(accessRules({ ...config.access, approverIds: config.approvals.approverIds }), audit, log);
  const handlers = handledOnce(createTurnHandlers(deps, features, accessGate, log), new RedeliveryGuard(), deps);
  const bot = new PartnerCartBot(handlers, background, new MemberDirectory(), log);
  const gate = new TurnGate();
  const readiness = new Readiness(parts.storage, gate, log);
  const server = createServer(adapter, bot, gate, readiness);
  const boundPort = await listen(server, port, parts.host ?? config.host);
  // Listed once: on the embedded store a listing reads the whole DATA_DIR.
  const unfinished = await purchases.listUnfinishedIds();
  const { checkouts, approved, unknown } = await resumeUnfinished(deps, background, unfinished);
  if (checkouts > 0) log.info({ resumed: checkouts }, 'resuming checkouts interrupted by a restart');
  if (approved > 0) log.info({ approved }, 'ordering approved purchases a restart interrupted');
  await watcher.start();
  if (unknown > 0) log.info({ unknown }, 'resuming the search for order outcomes Partner Center never confirmed');
  return {
    port: boundPort,
    server,
    background,
    purchases,
    audit,
    readiness,
    async shutdown(deadlineMs) {
      gate.close();
      watcher.stop();
      resolver.stop();
      const outcome = await drain(gate, background, deadlineMs);
      server.close();
      return outcome;
    },
    async close() {
      watcher.stop();
      resolver.stop();
      await background.idle();
      server.close();
    },
  };
}
