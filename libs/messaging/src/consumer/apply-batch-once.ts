import type { IntegrationEnvelope } from '@rectify/contracts';
import { escapeLiteral, type Pool } from 'pg';
import { inTransactionFrom } from './in-transaction';
import type { HandlerRegistration } from './handler-registry';

export interface PendingEvent {
  registration: HandlerRegistration;
  envelope: IntegrationEnvelope;
}

/** A handler threw inside a batch: which one (the first of a run), so its try can be counted against it. */
export class BatchHandlerFailed extends Error {
  constructor(
    readonly index: number,
    readonly error: unknown,
  ) {
    super(`handler of batch item ${index} failed: ${String(error)}`);
  }
}

/**
 * `applyOnce` for many events in ONE transaction: one statement records them all for this
 * consumer, and only those it newly recorded (first occurrence of each eventId) get their
 * handlers run, in order. Either every effect and row commits, or none does — a redelivered
 * batch finds the rows and applies nothing twice. Returns per event whether it was applied
 * (false: a duplicate).
 */
export function applyBatchOnce(pool: Pool, consumer: string, events: readonly PendingEvent[]): Promise<boolean[]> {
  // Sent with the BEGIN, so without parameters: literals that escapeLiteral quotes (the ids are
  // uuids already, checked when the envelope was parsed).
  const ids = escapeLiteral(`{${events.map(({ envelope }) => `"${envelope.eventId}"`).join(',')}}`);
  const record = `INSERT INTO processed_messages (consumer, event_id) SELECT ${escapeLiteral(consumer)}, unnest(${ids}::uuid[])
                  ON CONFLICT DO NOTHING RETURNING event_id`;
  return inTransactionFrom<boolean[], { event_id: string }>(pool, record, async (tx, { rows }) => {
    // PostgreSQL answers uuids in lower case; a repeat inside the batch finds its id taken.
    const fresh = new Set(rows.map((row) => row.event_id));
    const applied = events.map(({ envelope }) => fresh.delete(envelope.eventId.toLowerCase()));
    for (const run of runsOfNew(events, applied)) {
      try {
        const { registration } = events[run[0]];
        if (registration.handleBatch) await registration.handleBatch(run.map((index) => events[index].envelope), tx);
        else await registration.handle(events[run[0]].envelope, tx);
      } catch (error) {
        throw new BatchHandlerFailed(run[0], error);
      }
    }
    return applied;
  });
}

/**
 * Indexes of the events to apply, in order, grouped into runs a handler takes at once: a run of
 * consecutive events of one batch handler, or a single event.
 */
function runsOfNew(events: readonly PendingEvent[], applied: readonly boolean[]): number[][] {
  const runs: number[][] = [];
  events.forEach(({ registration }, index) => {
    if (!applied[index]) return;
    const last = runs[runs.length - 1];
    if (registration.handleBatch && last && events[last[0]].registration === registration) last.push(index);
    else runs.push([index]);
  });
  return runs;
}
