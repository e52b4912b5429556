import type { PoolClient } from 'pg';
import type { IntegrationEnvelope } from '@rectify/contracts';

export interface ForeignEvent {
  caseId: string;
  service: string;
  envelope: IntegrationEnvelope<unknown>;
}

/**
 * Keeps an integration event that concerns a case (for its timeline and cross-check), in the
 * consumer's transaction so it commits with the effect and the dedup row, or not at all.
 */
export async function recordForeignEvent(tx: PoolClient, caseId: string, service: string, envelope: IntegrationEnvelope<unknown>): Promise<void> {
  await recordForeignEvents(tx, [{ caseId, service, envelope }]);
}

/** The same for several events, in one INSERT. */
export async function recordForeignEvents(tx: PoolClient, events: readonly ForeignEvent[]): Promise<void> {
  if (events.length === 0) return;
  const values: unknown[] = [];
  const tuples = events.map(({ caseId, service, envelope }) => {
    const at = values.push(envelope.eventId, caseId, service, envelope.type, envelope.occurredAt, JSON.stringify(envelope.actor), JSON.stringify(envelope.data));
    return `($${at - 6}, $${at - 5}, $${at - 4}, $${at - 3}, $${at - 2}, $${at - 1}, $${at})`;
  });
  await tx.query(
    `INSERT INTO case_foreign_events (event_id, case_id, service, type, occurred_at, actor, data)
     VALUES ${tuples.join(', ')} ON CONFLICT (event_id) DO NOTHING`,
    values,
  );
}
