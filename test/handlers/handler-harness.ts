import pino from 'pino';
import { BackgroundWork } from '../../src/background-work';
import { composeFeatures } from '../../src/compose-features';
import { loadConfig } from '../../src/config';
import { sandboxTokenProvider } from '../../src/connect-partner-center';
import type { ApprovalDeps } from '../../src/flows/approval/approval-deps';
import { declaredVerbs } from '../../src/flows/card-verb';
import { CommandTable } from '../../src/flows/command-table';
import type { CustomerStepDeps } from '../../src/flows/customer/customer-deps';
import { UsageLimits } from '../../src/flows/limits/usage-limits';
import type { ActionTurn, AdaptiveCard, CommandTurn, Conversation, ConversationGateway, Post, TurnResult } from '../../src/flows/ports';
import { auditLogSink } from '../../src/flows/purchase/audit-sink';
import { PurchaseRepository } from '../../src/flows/purchase/purchase-repository';
import { VerbTable } from '../../src/flows/verb-table';
import { createPartnerCenterClient } from '../../src/partner-center';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { AuditLog } from '../../src/store/audit-log';
import { createStorage } from '../../src/store/create-storage';
import { actionsOf, type Card } from '../integration/bot/card-helpers';
import { LOCAL_TEST_ENVIRONMENT, PARTNER_TENANT } from '../integration/harness/local-environment';

/**
 * The bot's features, composed by composeFeatures as src/app.ts composes them, driven in-process: their
 * command and verb handlers get typed turns straight from the tables, with the memory store and the real
 * sandbox over HTTP, but without the bot's HTTP server, botbuilder or the access gate (both tested over
 * HTTP in test/integration/).
 * A new verb gets a fast test: no Bot Connector, no JWT, no HTTP round trip to the bot.
 */
export interface HandlerHarness {
  sandbox: RunningSandbox;
  deps: ApprovalDeps & CustomerStepDeps;
  /** What the handlers posted or updated later, through the gateway (Teams' side of `after` work). */
  gateway: RecordingGateway;
  /** A text command from the rep in their personal chat; its `after` work has run when it resolves. */
  say(text: string): Promise<TurnResult>;
  /** A click on the `verb` button of `card`: the button's own data merged with what the rep typed. */
  click(card: Card | AdaptiveCard | undefined, verb: string, inputs?: Record<string, unknown>): Promise<TurnResult>;
  stop(): Promise<void>;
}

const REP = { aadObjectId: 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa', tenantId: PARTNER_TENANT, name: 'Rita Rep', userId: '29:rita' };
const CHAT: Conversation = { id: 'a:personal-rita', type: 'personal', reference: {} };

/** Stands in for Teams behind the gateway port: remembers each card, as the Bot Connector would show it. */
class RecordingGateway implements ConversationGateway {
  readonly posts: { conversationId: string; activityId: string; card: AdaptiveCard }[] = [];
  readonly updates: { conversationId: string; activityId: string; card: AdaptiveCard }[] = [];

  post(conversation: Conversation, card: AdaptiveCard): Promise<string> {
    const activityId = `posted-${this.posts.length + 1}`;
    this.posts.push({ conversationId: conversation.id, activityId, card });
    return Promise.resolve(activityId);
  }

  update(conversation: Conversation, activityId: string, card: AdaptiveCard): Promise<void> {
    this.updates.push({ conversationId: conversation.id, activityId, card });
    return Promise.resolve();
  }

  async postToChannel(_via: Conversation, channelId: string, card: AdaptiveCard): Promise<Post> {
    const conversation: Conversation = { id: channelId, type: 'channel', reference: {} };
    return { conversation, activityId: await this.post(conversation, card) };
  }
}

export async function startHandlerHarness(): Promise<HandlerHarness> {
  const sandbox = await startSandbox({ port: 0 });
  const storage = await createStorage({ kind: 'memory' });
  const config = loadConfig(LOCAL_TEST_ENVIRONMENT);
  const log = pino({ level: 'silent' });
  const now = () => new Date();
  const audit = new AuditLog(storage, { now });
  const partnerCenter = createPartnerCenterClient({ baseUrl: sandbox.baseUrl, tokenProvider: sandboxTokenProvider(sandbox), logger: log });
  const failures: unknown[] = [];
  const background = new BackgroundWork((error) => failures.push(error));
  const gateway = new RecordingGateway();
  const { deps, features } = composeFeatures({
    config, storage, audit, purchases: new PurchaseRepository(storage, auditLogSink(audit), now), partnerCenter, gateway, background, log, now,
    answerBudgetMs: 5000, limits: new UsageLimits(),
  });
  const commands = new CommandTable(features.flatMap((feature) => feature.commands));
  const verbs = new VerbTable(features.flatMap((feature) => feature.routes), declaredVerbs());
  const turnBase = { actor: REP, caller: { channelId: 'msteams', conversationTenantId: PARTNER_TENANT, homeTenantId: PARTNER_TENANT, userRole: 'user' }, conversation: CHAT, locale: 'en-US' };

  const finished = async (result: TurnResult): Promise<TurnResult> => {
    await result.after?.();
    await background.idle();
    if (failures.length > 0) throw failures[0];
    return result;
  };
  return {
    sandbox, deps, gateway,
    async say(text) {
      const match = commands.find(text);
      if (!match) throw new Error(`no command "${text}"`);
      const turn: CommandTurn = { ...turnBase, kind: 'command', text };
      return finished(await match.route.handle(turn, match.argument));
    },
    async click(card, verb, inputs = {}) {
      const data = card && actionsOf(card).get(verb);
      if (!data) throw new Error(`the card has no ${verb} button: ${JSON.stringify(card).slice(0, 300)}`);
      const turn: ActionTurn = { ...turnBase, kind: 'action', verb, data: { ...data, ...inputs }, via: 'execute', replyToId: 'card-1' };
      const outcome = await verbs.dispatch(turn);
      if (outcome.kind !== 'handled') throw new Error(`${verb} was not handled: ${JSON.stringify(outcome)}`);
      return finished(outcome.result);
    },
    async stop() {
      await background.idle();
      await sandbox.close();
    },
  };
}
