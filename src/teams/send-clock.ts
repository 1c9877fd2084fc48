/**
 * Time and randomness for outbound Bot Connector traffic (rate limiting, retry waits), injected so tests
 * drive time themselves instead of waiting for it.
 */
export interface SendClock {
  /** Milliseconds since an arbitrary origin; only differences matter. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1): the jitter of retry backoff. */
  random(): number;
}

export const systemSendClock: SendClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};
