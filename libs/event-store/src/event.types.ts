/** Who caused an event: taken from the verified token, or the system itself. */
export interface Actor {
  id: string;
  role: string;
  unitId?: string | null;
}

/** What travels with every event besides its data. */
export interface EventMetadata {
  correlationId: string;
  causationId: string | null;
  actor: Actor;
}

/** An event as a command handler produces it, before it is stored. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  occurredAt: Date;
}

/** Where an event stands in the global log: transaction id first, then position. */
export interface Checkpoint {
  /** pg_current_xact_id() of the writing transaction, as a decimal string (xid8). */
  txid: string;
  position: string;
}

export const START: Checkpoint = { txid: '0', position: '0' };

/** An event as read back from the log. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamId: string;
  streamVersion: number;
  /** Global position in this service's log (bigserial, as a decimal string). */
  position: string;
  txid: string;
  recordedAt: Date;
}

/** `number` = the stream must be exactly at that version (0 = new stream); 'any' skips the check. */
export type ExpectedVersion = number | 'any';

export interface AppendResult {
  /** The stream's version after the append. */
  nextVersion: number;
  /** False when every event id was already stored: an idempotent retry, nothing written. */
  written: boolean;
}

/** An event as a fold sees it (loadState): metadata only for reducers that ask for it. */
export type StreamEvent<Type extends string = string, Data = unknown> = Pick<
  RecordedEvent<Type, Data>,
  'eventId' | 'type' | 'schemaVersion' | 'data' | 'streamId' | 'streamVersion' | 'position' | 'occurredAt'
> & { metadata?: EventMetadata };
