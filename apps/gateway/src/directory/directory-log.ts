import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@rectify/auth';
import { DirectoryEventTypes } from '@rectify/contracts';
import { type Actor, PgEventStore, type Queryable } from '@rectify/event-store';

type DirectoryEventType = keyof typeof DirectoryEventTypes;

export const SYSTEM_ACTOR: Actor = { id: 'gateway', role: 'system', unitId: null };

export const unitStream = (unitId: string) => `unit-${unitId}`;
export const TAXONOMY_STREAM_PREFIX = 'taxonomy-';
export const THRESHOLDS_STREAM = 'thresholds';

/**
 * Appends a directory change to the gateway's log, in the caller's transaction (so the table
 * row and its event commit together); the relay publishes it on `gateway.events`.
 */
@Injectable()
export class DirectoryLog {
  constructor(private readonly store: PgEventStore) {}

  async record(tx: Queryable, streamId: string, type: DirectoryEventType, data: object, by: AuthUser | Actor | null): Promise<void> {
    const actor: Actor = by ? { id: by.id, role: by.role, unitId: by.unitId ?? null } : SYSTEM_ACTOR;
    const version = await this.store.streamVersion(streamId, tx);
    await this.store.append(
      streamId,
      [{ eventId: randomUUID(), type, schemaVersion: 1, data, metadata: { correlationId: randomUUID(), causationId: null, actor }, occurredAt: new Date() }],
      version,
      tx,
    );
  }

  streamVersion(streamId: string, db: Queryable): Promise<number> {
    return this.store.streamVersion(streamId, db);
  }
}
