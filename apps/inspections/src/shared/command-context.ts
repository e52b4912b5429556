import type { Actor } from '@rectify/event-store';
import type { PoolClient } from 'pg';

export interface CommandContext {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  /** Every command runs in one transaction with its idempotency claim and read-model writes. */
  tx: PoolClient;
  /** If-Match: the version the client last saw; a stale one is refused (409), nothing written. */
  expectedVersion?: number;
}
