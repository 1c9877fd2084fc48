import {
  ActivityEventNames, ActivityTypes, DeliveryModes, type Activity, type Middleware, type TurnContext,
} from 'botbuilder';
import type { Logger } from '../logger';
import { removeBuiltInRetries } from './connector-client-retries';
import type { ConnectorOutbound } from './connector-outbound';

/** Not connector calls on Teams: the invoke answer goes back in the HTTP response; traces go to the Emulator only. */
const LOCAL_ACTIVITY_TYPES = new Set<string>([ActivityTypes.InvokeResponse, ActivityTypes.Trace]);

/**
 * Routes every send, update and delete of a turn (inbound and proactive alike) through the
 * ConnectorOutbound, so the flows and the activity handler get queueing, Teams' rate limit and retries
 * without knowing about them.
 */
export class OutboundTrafficMiddleware implements Middleware {
  private warnedAboutClientShape = false;

  constructor(
    private readonly outbound: ConnectorOutbound,
    private readonly log: Logger,
  ) {}

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    // expectReplies: replies are buffered into the HTTP answer; nothing goes to the connector.
    if (ctx.activity.deliveryMode === DeliveryModes.ExpectReplies) return next();
    if (!removeBuiltInRetries(ctx.turnState.get(ctx.adapter.ConnectorClientKey)) && !this.warnedAboutClientShape) {
      this.warnedAboutClientShape = true;
      this.log.warn({}, 'connector client has an unexpected shape; botbuilder retries stay on');
    }
    const inTurn = !isProactive(ctx.activity);
    ctx.onSendActivities((turn, activities, sendAll) => {
      const outgoing = activities.filter((a) => !LOCAL_ACTIVITY_TYPES.has(a.type ?? ActivityTypes.Message));
      if (outgoing.length === 0) return sendAll();
      return this.outbound.run(conversationIdOf(turn, outgoing[0]), sendAll, {
        operations: outgoing.length, retry: outgoing.length === 1, inTurn,
      });
    });
    ctx.onUpdateActivity((turn, activity, update) => this.outbound.run(conversationIdOf(turn, activity), update, { inTurn }));
    ctx.onDeleteActivity((turn, reference, remove) => this.outbound.run(conversationIdOf(turn, reference), remove, { inTurn }));
    await next();
  }
}

function isProactive(activity: Activity): boolean {
  return activity.type === ActivityTypes.Event && activity.name === ActivityEventNames.ContinueConversation;
}

function conversationIdOf(ctx: TurnContext, target: { conversation?: { id?: string } }): string {
  return target.conversation?.id ?? ctx.activity.conversation?.id ?? '';
}
