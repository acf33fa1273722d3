// Token-bucket rate limits per key (an HEC token, a user, a client address), with a bounded
// number of keys so that hostile clients cannot grow the table.

export interface RateLimit {
  /** Sustained units per second. */
  readonly perSecond: number;
  /** Units allowed at once. */
  readonly burst: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

const MAX_KEYS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly clock: () => number;

  constructor(clock: () => number = () => performance.now() / 1000) {
    this.clock = clock;
  }

  /** Takes `cost` units for `key`; false (and nothing taken) when the bucket has too few. */
  take(key: string, limit: RateLimit, cost = 1): boolean {
    const now = this.clock();
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= MAX_KEYS) this.buckets.clear();
      bucket = { tokens: limit.burst, updated: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.updated) * limit.perSecond);
    bucket.updated = now;
    // A request larger than the burst passes when the bucket is full, and empties it.
    const needed = Math.min(cost, limit.burst);
    if (bucket.tokens < needed) return false;
    bucket.tokens -= cost;
    return true;
  }

  /** Seconds until `cost` units are available (0: now). */
  retryAfter(key: string, limit: RateLimit, cost = 1): number {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return 0;
    const tokens = Math.min(
      limit.burst,
      bucket.tokens + (this.clock() - bucket.updated) * limit.perSecond,
    );
    const missing = Math.min(cost, limit.burst) - tokens;
    return missing <= 0 ? 0 : Math.ceil(missing / limit.perSecond);
  }
}
