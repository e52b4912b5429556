import type { Pool, PoolClient } from 'pg';
import { stableUuid } from '@rectify/event-store';
import { plannedReminders } from './reminder-plan';

export interface CaseDeadline {
  caseId: string;
  unitId: string;
  deadline: Date;
}

/**
 * The durable reminder schedule (table `reminders`), kept in step with a case's deadline
 * events in the consumer's transaction: a new or moved deadline replaces the pending reminders,
 * an ended case cancels them. Sent reminders stay as history.
 */
export async function scheduleReminders(tx: PoolClient, { caseId, unitId, deadline }: CaseDeadline, now: Date): Promise<void> {
  await cancelReminders(tx, caseId);
  for (const { kind, dueAt } of plannedReminders(deadline, now)) {
    await tx.query(
      `INSERT INTO reminders (id, case_id, unit_id, kind, deadline, due_at, status) VALUES ($1, $2, $3, $4, $5, $6, 'pending')
       ON CONFLICT (id) DO UPDATE SET status = 'pending', due_at = EXCLUDED.due_at, unit_id = EXCLUDED.unit_id
       WHERE reminders.status = 'cancelled'`,
      [stableUuid('rectify.reminder', `${caseId}:${kind}:${deadline.toISOString()}`), caseId, unitId, kind, deadline, dueAt],
    );
  }
}

export async function cancelReminders(tx: PoolClient, caseId: string): Promise<void> {
  await tx.query(`UPDATE reminders SET status = 'cancelled' WHERE case_id = $1 AND status = 'pending'`, [caseId]);
}

export interface DueReminder {
  id: string;
  case_id: string;
  unit_id: string;
  kind: string;
  deadline: Date;
}

/** Locks the reminders due at `now` for this transaction (other instances skip them). */
export async function claimDueReminders(db: Pool | PoolClient, now: Date, limit = 100): Promise<DueReminder[]> {
  const { rows } = await db.query<DueReminder>(
    `SELECT id, case_id, unit_id, kind, deadline FROM reminders
      WHERE status = 'pending' AND due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, limit],
  );
  return rows;
}
