interface Bucket {
  tokens: number;
  at: number;
}

export interface TokenBucketOptions {
  /** Requests allowed at once. */
  burst: number;
  /** Tokens regained per minute. */
  perMinute: number;
  /** Keys tracked before idle (full) buckets are swept. */
  maxKeys?: number;
}

/**
 * In-memory per-key token buckets. The key (a client address) lives only in this map, only
 * while its bucket is not full again, and is never logged or stored.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: TokenBucketOptions) {}

  /** Takes one token; returns 0 when allowed, else the seconds until the next token. */
  take(key: string, now: number): number {
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      this.sweepIfLarge(now);
      return 0;
    }
    this.buckets.set(key, bucket);
    const msPerToken = 60_000 / this.options.perMinute;
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * msPerToken) / 1000));
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.options.burst, at: now };
    const gained = ((now - bucket.at) / 60_000) * this.options.perMinute;
    return { tokens: Math.min(this.options.burst, bucket.tokens + gained), at: now };
  }

  private sweepIfLarge(now: number): void {
    if (this.buckets.size <= (this.options.maxKeys ?? 10_000)) return;
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, now).tokens >= this.options.burst) this.buckets.delete(key);
    }
  }
}
