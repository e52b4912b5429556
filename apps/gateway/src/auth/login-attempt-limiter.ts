import { Injectable } from '@nestjs/common';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 5 * 60 * 1000;
// Past this many keys, stale ones are swept so a username-spraying client cannot grow memory.
const SWEEP_ABOVE = 10_000;

/**
 * Counts failed logins per (username, client address) in a sliding window. In memory: each
 * gateway instance limits on its own, which still bounds guessing to N × 10 per 5 minutes.
 */
@Injectable()
export class LoginAttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  /** Seconds until another attempt is allowed, or 0 when allowed now. */
  retryAfterSeconds(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < MAX_FAILURES) return 0;
    return Math.ceil((recent[recent.length - MAX_FAILURES] + WINDOW_MS - now) / 1000);
  }

  recordFailure(key: string, now: number): void {
    if (this.failures.size > SWEEP_ABOVE) this.sweep(now);
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
  }

  private sweep(now: number): void {
    for (const key of this.failures.keys()) {
      if (this.recent(key, now).length === 0) this.failures.delete(key);
    }
  }
}
