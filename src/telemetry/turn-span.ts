import { SpanStatusCode, trace } from '@opentelemetry/api';
import { tracer } from './instruments';

/** What kind of turn it was: Bot Framework and Teams names only, never text or card data. */
interface TurnShape {
  activityType: string;
  /** The invoke name, e.g. `adaptiveCard/action`. */
  activityName?: string;
  /** `personal`, `groupChat` or `channel`. */
  conversationType?: string;
}

/** `ok` unless the flows said otherwise; `error` when the turn threw. */
type TurnOutcome = 'ok' | 'unknown_command' | 'unknown_verb' | 'bad_payload' | 'failed' | 'error';

interface TurnDescription {
  /** The command's name from the command table (never its argument). */
  command?: string;
  /** A card verb the verb table knows; unknown verbs are reported as outcome `unknown_verb` only. */
  verb?: string;
  outcome?: TurnOutcome;
}

/** Names sent by a client are bounded: they become attribute values in a shared telemetry store. */
const bounded = (value: string | undefined) => value?.slice(0, 64);

/** One span around a whole turn, with the parts of it that say what happened and nothing the user typed. */
export function inTurnSpan<T>(shape: TurnShape, run: () => Promise<T>): Promise<T> {
  const attributes = {
    'bot.activity.type': bounded(shape.activityType),
    ...(shape.activityName ? { 'bot.activity.name': bounded(shape.activityName) } : {}),
    ...(shape.conversationType ? { 'bot.conversation.type': bounded(shape.conversationType) } : {}),
    'bot.turn.outcome': 'ok',
  };
  return tracer().startActiveSpan(`turn ${attributes['bot.activity.type']}`, { attributes }, async (span) => {
    try {
      return await run();
    } catch (error) {
      // The error's type only: messages can carry request data.
      span.setAttributes({ 'bot.turn.outcome': 'error', 'error.type': error instanceof Error ? error.name : typeof error });
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Adds what the flows learnt about the turn to the turn's span (a no-op outside one). */
export function describeTurn(description: TurnDescription): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  if (description.command) span.setAttribute('bot.command', description.command);
  if (description.verb) span.setAttribute('bot.verb', description.verb);
  if (description.outcome) span.setAttribute('bot.turn.outcome', description.outcome);
  if (description.outcome === 'failed') span.setStatus({ code: SpanStatusCode.ERROR });
}
