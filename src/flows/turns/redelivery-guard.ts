import { inActivity } from '../activity-context';
import type { AdaptiveCard, TurnResult } from '../ports';

/**
 * How many activity ids one instance remembers with the card each was answered with (a card is up to
 * ~28 KB, so this bounds the memory to a few MB). Teams redelivers within seconds, a few minutes at most.
 */
const REMEMBERED = 200;

/**
 * Teams redelivers an activity (same id) whose answer was slow or lost; the bot must act on it once.
 *
 * The choice, in two halves. In memory: a bounded map of the activity ids this instance handled, with
 * the first answer, so a redelivery (even one arriving while the first is still running) gets the card
 * the click produced. Stored: every purchase a turn writes records the turn's activity id in the same
 * conditional write (`handledActivities`, the last few), so a redelivery that reaches another instance,
 * or this one after a restart, is recognised from the purchase it names. A separate claim document per
 * activity would cover commands too, but costs a write on every click, also on clicks that change
 * nothing; the purchase marker costs nothing extra and covers every click that moved a purchase.
 */
export class RedeliveryGuard {
  private readonly recent = new Map<string, Promise<AdaptiveCard | undefined>>();

  /**
   * Runs `turn` once per activity id. A redelivery gets `redelivered(first)` instead, where `first` is
   * the card the first delivery was answered with when this instance has it; `handledBefore` says
   * whether a stored purchase already records the activity.
   */
  async once(
    activityId: string,
    turn: () => Promise<TurnResult>,
    handledBefore: () => Promise<boolean>,
    redelivered: (first: AdaptiveCard | undefined) => Promise<TurnResult>,
  ): Promise<TurnResult> {
    const seen = this.recent.get(activityId);
    if (seen) return redelivered(await seen);
    const first = handledBefore().then((handled) => (handled ? undefined : inActivity(activityId, turn)));
    this.recent.set(activityId, first.then((result) => result?.card, () => undefined));
    if (this.recent.size > REMEMBERED) this.recent.delete(this.recent.keys().next().value as string);
    return (await first) ?? redelivered(undefined);
  }
}
