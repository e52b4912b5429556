import type { Pool } from 'pg';
import type { Directory } from '@rectify/directory';
import { type PgEventStore, stableUuid, withTransaction } from '@rectify/event-store';
import { COMMISSION } from '../notices/case-notices.handler';
import { issueNotice } from '../notices/issue-notice';

interface Unacknowledged {
  id: string;
  unit_id: string;
  case_id: string | null;
  created_at: Date;
  resent_at: Date | null;
}

/**
 * DESIGN §3.5: a rectification notice nobody acknowledged is sent again after `resendAfterMs`
 * (its deliveries go back on the schedule) and, still unacknowledged after twice that, escalated
 * to the unit's superior and the commission. Each step happens once per notice; `now` is passed
 * in (tests drive it).
 */
export async function followUpUnacknowledged(
  pool: Pool,
  store: PgEventStore,
  directory: Directory,
  now: Date,
  resendAfterMs: number,
): Promise<{ resent: number; escalated: number }> {
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<Unacknowledged>(
      `SELECT id, unit_id, case_id, created_at, resent_at FROM notices
        WHERE type = 'rectification_notice' AND acknowledged_at IS NULL AND escalated_at IS NULL
          AND created_at <= $1::timestamptz - make_interval(secs => $2)
        ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
      [now, resendAfterMs / 1000],
    );
    let resent = 0;
    let escalated = 0;
    for (const notice of rows) {
      if (notice.resent_at === null) {
        await tx.query('UPDATE notices SET resent_at = $2 WHERE id = $1', [notice.id, now]);
        await tx.query(`UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = $2, locked_until = NULL WHERE notice_id = $1`, [notice.id, now]);
        resent += 1;
      } else if (now.getTime() - notice.created_at.getTime() >= 2 * resendAfterMs) {
        await tx.query('UPDATE notices SET escalated_at = $2 WHERE id = $1', [notice.id, now]);
        const cause = { id: stableUuid('rectify.notice-escalation', notice.id), correlationId: notice.case_id ?? notice.id, causationId: null, at: now };
        const superior = await directory.superiorOf(notice.unit_id, tx);
        for (const unitId of [...(superior ? [superior] : []), COMMISSION]) {
          await issueNotice(store, tx, cause, {
            type: 'escalation',
            unitId,
            ...(notice.case_id ? { caseId: notice.case_id } : {}),
            title: `Escalated: ${notice.unit_id} has not acknowledged its rectification notice of ${notice.created_at.toISOString().slice(0, 10)}`,
          });
        }
        escalated += 1;
      }
    }
    return { resent, escalated };
  });
}
