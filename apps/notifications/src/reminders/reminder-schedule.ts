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
export async function scheduleReminders(tx: PoolClient, deadline: CaseDeadline, now: Date): Promise<void> {
  await scheduleAllReminders(tx, [{ ...deadline, now }]);
}

/**
 * scheduleReminders for several cases in one statement; a case named twice is scheduled as its
 * last entry leaves it (each entry replaces what the one before it scheduled). The pending
 * reminders of other deadlines are cancelled and those of the new one written (a cancelled or
 * pending one of the same deadline gets the new due time; a sent one stays sent): the two parts
 * never touch the same row, so they can share a statement.
 */
export async function scheduleAllReminders(tx: PoolClient, entries: ReadonlyArray<CaseDeadline & { now: Date }>): Promise<void> {
  if (entries.length === 0) return;
  const last = [...new Map(entries.map((entry) => [entry.caseId, entry])).values()];
  const caseIds = last.map((entry) => entry.caseId);
  const ids: string[] = [];
  const values: unknown[] = [caseIds, ids];
  const tuples: string[] = [];
  for (const { caseId, unitId, deadline, now } of last) {
    for (const { kind, dueAt } of plannedReminders(deadline, now)) {
      const id = stableUuid('rectify.reminder', `${caseId}:${kind}:${deadline.toISOString()}`);
      ids.push(id);
      const at = values.push(id, caseId, unitId, kind, deadline, dueAt);
      tuples.push(`($${at - 5}, $${at - 4}, $${at - 3}, $${at - 2}, $${at - 1}, $${at}, 'pending')`);
    }
  }
  if (tuples.length === 0) return cancelAllReminders(tx, caseIds);
  await tx.query(
    `WITH cancelled AS (
       UPDATE reminders SET status = 'cancelled'
        WHERE case_id = ANY($1::uuid[]) AND status = 'pending' AND id <> ALL($2::uuid[]))
     INSERT INTO reminders (id, case_id, unit_id, kind, deadline, due_at, status) VALUES ${tuples.join(', ')}
     ON CONFLICT (id) DO UPDATE SET status = 'pending', due_at = EXCLUDED.due_at, unit_id = EXCLUDED.unit_id
     WHERE reminders.status IN ('cancelled', 'pending')`,
    values,
  );
}

export async function cancelReminders(tx: PoolClient, caseId: string): Promise<void> {
  await cancelAllReminders(tx, [caseId]);
}

async function cancelAllReminders(tx: PoolClient, caseIds: readonly string[]): Promise<void> {
  await tx.query(`UPDATE reminders SET status = 'cancelled' WHERE case_id = ANY($1::uuid[]) AND status = 'pending'`, [caseIds]);
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
