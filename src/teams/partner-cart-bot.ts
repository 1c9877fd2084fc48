import {
  TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type InvokeResponse,
  type SearchInvokeResponse, type SearchInvokeValue, type TurnContext,
} from 'botbuilder';
import type { BackgroundWork } from '../background-work';
import { describeTurn, inTurnSpan } from '../telemetry/turn-span';
import type { Logger } from '../logger';
import type { AdaptiveCard, Turn, TurnHandlers, TurnResult } from '../flows/ports';
import { isEntraObjectId } from '../flows/access/access-rules';
import { activityToTurn, invokeTrigger } from './activity-to-turn';
import { cardActivity } from './cards';
import { contextOutlivingTurn } from './context-outliving-turn';
import type { MemberDirectory } from './member-directory';

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const SEARCH_RESPONSE = 'application/vnd.microsoft.search.searchResponse';

/**
 * The one botbuilder activity handler: it turns activities into typed turns, hands them to the flows
 * and writes their answers back the way each Teams action expects.
 */
export class PartnerCartBot extends TeamsActivityHandler {
  constructor(
    private readonly turnHandlers: TurnHandlers,
    private readonly background: BackgroundWork,
    private readonly members: MemberDirectory,
    private readonly log: Logger,
  ) {
    super();
    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      const botJoined = (ctx.activity.membersAdded ?? []).some((m) => m.id === ctx.activity.recipient?.id);
      if (botJoined) await ctx.sendActivity(cardActivity(this.turnHandlers.welcome(ctx.activity.locale ?? 'en-US')));
      await next();
    });
  }

  override run(ctx: TurnContext): Promise<void> {
    const { type, name, conversation } = ctx.activity;
    return inTurnSpan({ activityType: type, activityName: type === 'invoke' ? name : undefined, conversationType: conversation?.conversationType }, () => super.run(ctx));
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const turn = activityToTurn(ctx.activity);
    if (!turn || turn.kind === 'search') return;
    const result = await this.safely(ctx, turn);
    if (result.card) {
      // A submit from a card replaces that card in place (no new message per click in channels).
      if (turn.kind === 'action' && turn.replyToId && result.audience !== 'clicker') {
        await ctx.updateActivity({ ...cardActivity(result.card), id: turn.replyToId });
      } else {
        await ctx.sendActivity(cardActivity(result.card));
      }
    }
    if (result.notice) await ctx.sendActivity(result.notice);
    this.schedule(result);
  }

  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    _value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const turn = activityToTurn(ctx.activity);
    if (!turn || turn.kind !== 'action') {
      return { statusCode: 200, type: CARD_RESPONSE, value: this.turnHandlers.failure(ctx.activity.locale ?? 'en-US') };
    }
    const result = await this.safely(ctx, turn);
    // An automatic refresh is answered with the card alone: updating the message (or posting) would make
    // every client refresh the card again, endlessly (docs/platform-notes.md, "Universal Actions (`Action.Execute`) and card refresh").
    if (invokeTrigger(ctx.activity) === 'automatic') {
      if (result.after) this.log.warn({ verb: turn.verb.slice(0, 64) }, 'ignored follow-up work of an automatic refresh');
      return { statusCode: 200, type: CARD_RESPONSE, value: result.card ?? this.turnHandlers.noticeCard(turn.locale, result.notice ?? '') };
    }
    if (!result.card) {
      this.schedule(result);
      return { statusCode: 200, type: CARD_RESPONSE, value: this.turnHandlers.noticeCard(turn.locale, result.notice ?? '') };
    }
    if (result.notice) await ctx.sendActivity(result.notice);
    this.updateForEveryoneThenSchedule(ctx, turn.replyToId, { ...result, card: result.card });
    return { statusCode: 200, type: CARD_RESPONSE, value: result.card };
  }

  /**
   * The invoke response changes the clicker's view only; updating the message changes it for everyone.
   * That PUT goes out after the answer: Teams waits on the answer, not on the PUT. It is still this turn's
   * reply (queued per conversation, counted against Teams' rate limit without waiting for room), and the
   * follow-up work starts only once it is done, so "placing the order…" never overtakes the card it replaces.
   */
  private updateForEveryoneThenSchedule(ctx: TurnContext, replyToId: string | undefined, result: TurnResult & { card: AdaptiveCard }): void {
    if (!replyToId || result.audience === 'clicker') {
      this.schedule(result);
      return;
    }
    const afterAnswer = contextOutlivingTurn(ctx);
    const { card, after } = result;
    this.background.run(async () => {
      await afterAnswer.updateActivity({ ...cardActivity(card), id: replyToId }).catch((error: unknown) =>
        this.log.warn({ err: describe(error) }, 'could not update the card message for everyone'),
      );
      if (after) await after();
    });
  }

  /**
   * botbuilder answers an Action.Execute error with the error's status as the HTTP status; the Universal
   * Actions spec wants HTTP 200 with the status in the body, so every invoke answer is sent as 200.
   */
  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    const isExecute = ctx.activity.name === 'adaptiveCard/action';
    // botbuilder reads value.action.type before checking that `action` is an object: a malformed
    // Action.Execute value throws instead of reaching our handler.
    const response = await super.onInvokeActivity(ctx).catch((error: unknown): InvokeResponse => {
      if (!isExecute) throw error;
      this.log.warn({ err: describe(error) }, 'malformed Action.Execute invoke');
      return { status: 400 };
    });
    if (isExecute && response.status !== 200) {
      return { status: 200, body: { statusCode: 200, type: CARD_RESPONSE, value: this.turnHandlers.failure(ctx.activity.locale ?? 'en-US') } };
    }
    return response;
  }

  protected override async onSearchInvoke(ctx: TurnContext, _value: SearchInvokeValue): Promise<SearchInvokeResponse> {
    const turn = activityToTurn(ctx.activity);
    const results = turn?.kind === 'search'
      ? await this.identified(ctx, turn).then((identified) => this.turnHandlers.search(identified)).catch(() => [])
      : [];
    return { statusCode: 200, type: SEARCH_RESPONSE, value: { results } };
  }

  private async safely(ctx: TurnContext, turn: Turn & { kind: 'command' | 'action' }): Promise<TurnResult> {
    try {
      return await this.turnHandlers.handle(await this.identified(ctx, turn));
    } catch (error) {
      this.log.error({ err: describe(error), kind: turn.kind }, 'turn failed');
      describeTurn({ outcome: 'failed' });
      return { card: this.turnHandlers.failure(ctx.activity.locale ?? 'en-US') };
    }
  }

  /** Adds the user's home tenant and role from Teams' member lookup; the activity's own tenant is the conversation's. */
  private async identified<T extends Turn>(ctx: TurnContext, turn: T): Promise<T> {
    if (turn.caller.channelId !== 'msteams' || !isEntraObjectId(turn.actor.aadObjectId)) return turn;
    const member = await this.members.lookup(ctx);
    const homeTenantId = member?.tenantId;
    return {
      ...turn,
      actor: homeTenantId ? { ...turn.actor, tenantId: homeTenantId } : turn.actor,
      caller: { ...turn.caller, homeTenantId, userRole: member?.userRole },
    };
  }

  private schedule(result: TurnResult): void {
    if (result.after) this.background.run(result.after);
  }
}

function describe(error: unknown): { name?: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
}
