import { canonicalJson, sha256 } from './canonical-json';
import type { EventMetadata } from './event.types';

/** The part of an event that its hash covers. `recordedAt`, `position` and `txid` are the database's, not the event's. */
export interface HashedContent {
  eventId: string;
  streamId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
  occurredAt: Date;
}

export function contentHash(event: HashedContent): Buffer {
  return sha256(
    canonicalJson({
      eventId: event.eventId,
      streamId: event.streamId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: event.metadata,
      occurredAt: event.occurredAt.toISOString(),
    }),
  );
}

/** Mirrors event_store_append in schema.ts: sha256(prev || int4(version) || content). */
export function chainHash(prev: Buffer | null, version: number, content: Buffer): Buffer {
  const versionBytes = Buffer.alloc(4);
  versionBytes.writeInt32BE(version);
  return sha256(Buffer.concat([prev ?? Buffer.alloc(0), versionBytes, content]));
}
