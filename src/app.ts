import { randomUUID } from 'node:crypto';
import type restify from 'restify';
import { BackgroundWork } from './background-work';
import type { Config } from './config';
import { createTurnHandlers } from './flows/bot-turns';
import { cartFeature } from './flows/cart/cart-feature';
import type { CartDeps } from './flows/cart/cart-deps';
import { resumeInterruptedCheckouts } from './flows/cart/resume-checkouts';
import { auditLogSink } from './flows/purchase/audit-sink';
import { PurchaseRepository } from './flows/purchase/purchase-repository';
import type { Logger } from './logger';
import { createPartnerCenterClient, readerOnly, type AccessTokenProvider } from './partner-center';
import { createServer, listen } from './server';
import { AuditLog } from './store/audit-log';
import type { VersionedStorage } from './store/storage';
import { createAdapter } from './teams/adapter';
import { BotConversationGateway } from './teams/conversation-gateway';
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
}

export interface RunningApp {
  port: number;
  server: restify.Server;
  background: BackgroundWork;
  purchases: PurchaseRepository;
  audit: AuditLog;
  close(): Promise<void>;
}

/** Builds the bot from its parts and starts listening: the part of start-up tests share with `npm start`. */
export async function startApp(parts: AppParts, port: number): Promise<RunningApp> {
  const { config, log } = parts;
  const now = parts.now ?? (() => new Date());
  const adapter = createAdapter(config.botEnvironment, log);
  const audit = new AuditLog(parts.storage, { now });
  const purchases = new PurchaseRepository(parts.storage, auditLogSink(audit), now);
  const partnerCenter = createPartnerCenterClient({ baseUrl: parts.partnerCenterBaseUrl, tokenProvider: parts.tokenProvider, logger: log });
  const background = new BackgroundWork((error) => log.error({ err: String(error) }, 'background work failed'));
  const deps: CartDeps = {
    purchases,
    catalog: readerOnly(partnerCenter),
    partnerCenter,
    gateway: new BotConversationGateway(adapter, config.botEnvironment.MicrosoftAppId ?? ''),
    log,
    now,
    newId: randomUUID,
    resultsChannelId: config.resultsChannelId,
    targetViews: ['OnlineServices', 'Azure', 'AzureReservations', 'Software', 'MarketplaceSaaS'],
    answerBudgetMs: parts.answerBudgetMs ?? 800,
  };
  const bot = new PartnerCartBot(createTurnHandlers(deps, [cartFeature(deps)], log), background, log);
  const server = createServer(adapter, bot);
  const boundPort = await listen(server, port);
  const resumed = await resumeInterruptedCheckouts(deps, background);
  if (resumed > 0) log.info({ resumed }, 'resuming checkouts interrupted by a restart');
  return {
    port: boundPort,
    server,
    background,
    purchases,
    audit,
    async close() {
      await background.idle();
      server.close();
    },
  };
}
