import type { Clock } from '../../../src/retry/clock';

/**
 * Bot Connector time for the soak: every wait the outbound rate limit or retry asks for passes at once
 * (time jumps by it), so hundreds of card updates in a few conversations do not make the run wait out
 * Teams' per-conversation limits in real time. Order and limits are kept; only the waiting is skipped.
 */
export function skippingSendClock(): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += Math.max(0, ms);
    },
    random: () => 0.5,
  };
}
