import type { IntegrationEnvelope } from '@rectify/contracts';
import type { Pool } from 'pg';
import type { HandlerRegistration } from './handler-registry';

/**
 * Records the event for this consumer and runs the handler in ONE transaction: either both
 * commit or neither does. A row already there means the effect happened: returns false.
 * A concurrent delivery of the same event waits on the row lock, then finds the row.
 */
export async function applyOnce(
  pool: Pool,
  consumer: string,
  registration: HandlerRegistration,
  envelope: IntegrationEnvelope,
): Promise<boolean> {
  const tx = await pool.connect();
  let broken: Error | undefined;
  try {
    await tx.query('BEGIN');
    const recorded = await tx.query(
      'INSERT INTO processed_messages (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [consumer, envelope.eventId],
    );
    if (recorded.rowCount === 0) {
      await tx.query('ROLLBACK');
      return false;
    }
    await registration.handle(envelope, tx);
    await tx.query('COMMIT');
    return true;
  } catch (error) {
    // A failed rollback means the connection is gone: drop it instead of pooling it.
    await tx.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    tx.release(broken);
  }
}
