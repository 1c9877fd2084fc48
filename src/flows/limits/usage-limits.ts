import { systemClock, type Clock } from '../../retry/clock';
import { TtlCache } from '../../ttl-cache';
import type { Actor } from '../ports';

/** What costs the partner's shared Partner Center quota: customer searches (typeahead too) and new drafts. */
export type LimitedUse = 'search' | 'draft';

/** A bucket holds `capacity` tokens (a burst) and regains `perSecond`; each use takes one. */
interface BucketSize {
  capacity: number;
  perSecond: number;
}

/**
 * Sized for a rep at work: typing a customer name sends a handful of searches, a busy rep starts a few
 * purchases an hour. A script or a stuck client runs dry within seconds and then gets one call per refill.
 */
export const USAGE_LIMITS: Record<LimitedUse, BucketSize> = {
  search: { capacity: 20, perSecond: 0.5 },
  draft: { capacity: 10, perSecond: 1 / 30 },
};

export class SlowDownError extends Error {
  /** `firstRefusal`: the bucket has just run dry (the previous use got through); later refusals repeat it. */
  constructor(readonly use: LimitedUse, readonly retryAfterSeconds: number, readonly firstRefusal: boolean) {
    super(`slow down: too many ${use} requests`);
    this.name = 'SlowDownError';
  }
}

interface Bucket {
  tokens: number;
  at: number;
  /** The last use was refused. */
  limited: boolean;
}

/** An idle bucket is full again long before this; forgetting it changes nothing. */
const IDLE_BUCKET_TTL_MS = 10 * 60_000;
const MAX_TRACKED_BUCKETS = 20_000;

/** One token bucket per user (Entra object id) and use. */
export class UsageLimits {
  private readonly buckets: TtlCache<Bucket>;

  constructor(private readonly sizes: Record<LimitedUse, BucketSize> = USAGE_LIMITS, private readonly clock: Pick<Clock, 'now'> = systemClock) {
    this.buckets = new TtlCache({ ttlMs: IDLE_BUCKET_TTL_MS, maxEntries: MAX_TRACKED_BUCKETS, now: () => clock.now() });
  }

  /** Takes one token for `use`, or throws SlowDownError saying how long until the next one. */
  take(actor: Actor, use: LimitedUse): void {
    const { capacity, perSecond } = this.sizes[use];
    const key = JSON.stringify([use, actor.aadObjectId.toLowerCase()]);
    const now = this.clock.now();
    const last = this.buckets.get(key) ?? { tokens: capacity, at: now, limited: false };
    const tokens = Math.min(capacity, last.tokens + ((now - last.at) / 1000) * perSecond);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now, limited: true });
      throw new SlowDownError(use, Math.ceil((1 - tokens) / perSecond), !last.limited);
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now, limited: false });
  }
}
