import { TurnContext } from 'botbuilder';

/**
 * A copy of a turn's context that can still update the conversation once the invoke is answered:
 * botbuilder revokes the context it hands to a turn before it writes the answer. The copy keeps the turn's
 * send and update handlers, so the OutboundTrafficMiddleware still queues and rate-limits what it sends as
 * this turn's reply, and the turn's connector client, which CloudAdapter looks up in the turn state.
 */
export function contextOutlivingTurn(ctx: TurnContext): TurnContext {
  const copy = new TurnContext(ctx);
  const connectorClientKey = ctx.adapter.ConnectorClientKey;
  copy.turnState.set(connectorClientKey, ctx.turnState.get(connectorClientKey));
  return copy;
}
