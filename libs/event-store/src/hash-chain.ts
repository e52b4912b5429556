import { createHash } from 'node:crypto';

/**
 * The part of an event its hash covers, with data and metadata as the exact JSON text stored
 * (the columns are `json`, which PostgreSQL keeps verbatim). `recordedAt`, `position` and
 * `txid` belong to the database, not to the event.
 */
export interface HashedContent {
  eventId: string;
  streamId: string;
  type: string;
  schemaVersion: number;
  occurredAt: Date;
  metadataJson: string;
  dataJson: string;
}

export function contentHash(event: HashedContent): Buffer {
  // JSON texts never contain a raw newline, so the joined form is unambiguous.
  const head = JSON.stringify([event.eventId, event.streamId, event.type, event.schemaVersion, event.occurredAt.toISOString()]);
  return createHash('sha256').update(`${head}\n${event.metadataJson}\n${event.dataJson}`).digest();
}

/** Mirrors event_store_append in schema.ts: sha256(prev || int4(version) || content). */
export function chainHash(prev: Buffer | null, version: number, content: Buffer): Buffer {
  const versionBytes = Buffer.alloc(4);
  versionBytes.writeInt32BE(version);
  const hash = createHash('sha256');
  if (prev) hash.update(prev);
  return hash.update(versionBytes).update(content).digest();
}
