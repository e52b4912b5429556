import type { PoolClient } from 'pg';
import type { IntegrationEnvelope } from '@rectify/contracts';

/**
 * Keeps an integration event that concerns a case (for its timeline and cross-check), in the
 * consumer's transaction so it commits with the effect and the dedup row, or not at all.
 */
export async function recordForeignEvent(tx: PoolClient, caseId: string, service: string, envelope: IntegrationEnvelope<unknown>): Promise<void> {
  await tx.query(
    `INSERT INTO case_foreign_events (event_id, case_id, service, type, occurred_at, actor, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
    [envelope.eventId, caseId, service, envelope.type, envelope.occurredAt, JSON.stringify(envelope.actor), JSON.stringify(envelope.data)],
  );
}
