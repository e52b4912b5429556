import type { AuthUser } from './auth-user';

/**
 * Tokens this process has verified, kept until they expire: a client sends the same token with
 * every request, and checking its signature again each time cost more than the rest of the
 * guard. Keyed by the whole token (header, claims and signature), so a token that differs in
 * one byte is verified afresh. Bounded: past `capacity`, the oldest entry goes.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { user: AuthUser; expiresAtMs: number }>();

  constructor(private readonly capacity = 10_000) {}

  /** The token's user, 'expired' once its `exp` has passed, undefined if it was not verified here. */
  get(token: string, nowMs: number): AuthUser | 'expired' | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (nowMs < entry.expiresAtMs) return entry.user;
    this.entries.delete(token);
    return 'expired';
  }

  set(token: string, user: AuthUser, expiresAtMs: number): void {
    this.entries.set(token, { user: Object.freeze({ ...user }), expiresAtMs });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
