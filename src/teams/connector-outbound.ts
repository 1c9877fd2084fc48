import type { Logger } from '../logger';
import {
  DEFAULT_CONNECTOR_RETRY, runWithConnectorRetry, type ConnectorRetrySettings,
} from './connector-retry-policy';
import { ConversationSendQueue } from './conversation-send-queue';
import { systemClock, type Clock } from '../retry/clock';
import { SlidingWindowLimiter, TEAMS_PER_CONVERSATION_LIMITS, type RateWindow } from './sliding-window-limiter';

/**
 * Teams waits on the HTTP answer of the activity it delivered (about 5 s for an invoke, then it
 * retries it; docs/platform-notes.md, "Invokes: answer fast, expect redelivery"), so a reply inside a turn has a shorter retry budget.
 */
const IN_TURN_DEADLINE_MS = 4_000;

export interface ConnectorOutboundOptions {
  log: Logger;
  clock?: Clock;
  limits?: readonly RateWindow[];
  retry?: Partial<ConnectorRetrySettings>;
  inTurnDeadlineMs?: number;
}

interface OutboundCall {
  /** Connector operations the call makes (one per activity sent); each takes a slot of the rate limit. */
  operations?: number;
  /** A call that sends several activities is not repeated: the ones that got through would be posted twice. */
  retry?: boolean;
  /**
   * A reply to an activity Teams is waiting on. It is paced by the person clicking, and holding it back
   * would only make Teams deliver the click again, so its first attempt is counted against the rate
   * limit without waiting for room; its retries wait like everything else.
   */
  inTurn?: boolean;
}

/**
 * Every call to the Bot Connector goes through here: queued per conversation (in order, one at a
 * time), started only when Teams' per-conversation rate limit has room, and retried on
 * 429/412/502/503/504. Each retry takes its own slot, so retries never push a conversation over it.
 */
export class ConnectorOutbound {
  private readonly queue = new ConversationSendQueue();
  private readonly limiter: SlidingWindowLimiter;
  private readonly clock: Clock;
  private readonly retry: ConnectorRetrySettings;
  private readonly inTurnDeadlineMs: number;

  constructor(private readonly options: ConnectorOutboundOptions) {
    this.clock = options.clock ?? systemClock;
    this.limiter = new SlidingWindowLimiter(options.limits ?? TEAMS_PER_CONVERSATION_LIMITS, this.clock);
    this.retry = { ...DEFAULT_CONNECTOR_RETRY, ...options.retry };
    this.inTurnDeadlineMs = options.inTurnDeadlineMs ?? IN_TURN_DEADLINE_MS;
  }

  run<T>(conversationId: string, operation: () => Promise<T>, call: OutboundCall = {}): Promise<T> {
    const settings: ConnectorRetrySettings = {
      ...this.retry,
      deadlineMs: call.inTurn ? this.inTurnDeadlineMs : this.retry.deadlineMs,
      maxAttempts: call.retry === false ? 1 : this.retry.maxAttempts,
    };
    return this.queue.run(conversationId, () =>
      runWithConnectorRetry(
        async (attempt) => {
          await this.takeSlots(conversationId, call.operations ?? 1, call.inTurn === true && attempt === 1);
          return operation();
        },
        settings,
        this.clock,
        (failure, attempt, delayMs) =>
          this.options.log.warn({ conversationId, status: failure.status, attempt, delayMs }, 'bot connector call will be retried'),
      ),
    );
  }

  private async takeSlots(conversationId: string, count: number, withoutWaiting: boolean): Promise<void> {
    for (let slot = 0; slot < count; slot += 1) {
      if (withoutWaiting) this.limiter.record(conversationId);
      else await this.limiter.acquire(conversationId);
    }
  }
}
