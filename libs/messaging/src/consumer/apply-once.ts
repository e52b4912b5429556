import type { IntegrationEnvelope } from '@rectify/contracts';
import type { Pool } from 'pg';
import { inTransaction } from './in-transaction';
import type { HandlerRegistration } from './handler-registry';

/** Nothing went wrong, but the transaction must not commit: its event was processed before. */
class AlreadyProcessed extends Error {}

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
  try {
    return await inTransaction(pool, async (tx) => {
      const recorded = await tx.query(
        'INSERT INTO processed_messages (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [consumer, envelope.eventId],
      );
      if (recorded.rowCount === 0) throw new AlreadyProcessed();
      await registration.handle(envelope, tx);
      return true;
    });
  } catch (error) {
    if (error instanceof AlreadyProcessed) return false;
    throw error;
  }
}
