import { randomUUID } from 'node:crypto';
import type { AuthUser } from '@rectify/auth';
import { type NoticeAcknowledgedV1, NotificationsEventTypes } from '@rectify/contracts';
import { type PgEventStore, withTransaction } from '@rectify/event-store';
import { noticeStreamId } from './issue-notice';

export class NoticeNotFound extends Error {
  readonly code = 'NOTICE.NOT_FOUND';
  readonly httpStatus = 404;
  constructor(noticeId: string) {
    super(`notice ${noticeId} does not exist`);
  }
}

/**
 * Records who acknowledged a notice and when (once: a second acknowledgement changes nothing)
 * and publishes NoticeAcknowledged, which rectification puts on the case timeline.
 */
export async function acknowledgeNotice(store: PgEventStore, noticeId: string, user: AuthUser, correlationId: string) {
  return withTransaction(store.pool, async (tx) => {
    const { rows } = await tx.query<{ unit_id: string; case_id: string | null; acknowledged_at: Date | null; acknowledged_by: string | null }>(
      'SELECT unit_id, case_id, acknowledged_at, acknowledged_by FROM notices WHERE id = $1 FOR UPDATE',
      [noticeId],
    );
    const notice = rows[0];
    // Another unit's notice is as invisible as one that does not exist.
    if (!notice || (user.role === 'department' && notice.unit_id !== user.unitId)) throw new NoticeNotFound(noticeId);
    if (notice.acknowledged_at) {
      return { id: noticeId, acknowledgedAt: notice.acknowledged_at.toISOString(), acknowledgedBy: notice.acknowledged_by };
    }
    const now = new Date();
    await tx.query('UPDATE notices SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1', [noticeId, now, user.id]);
    const data: NoticeAcknowledgedV1 = { noticeId, unitId: notice.unit_id, acknowledgedBy: user.id, ...(notice.case_id ? { caseId: notice.case_id } : {}) };
    await store.append(noticeStreamId(noticeId), [{
      eventId: randomUUID(),
      type: NotificationsEventTypes.NoticeAcknowledged,
      schemaVersion: 1,
      data,
      metadata: { correlationId, causationId: null, actor: { id: user.id, role: user.role, unitId: user.unitId } },
      occurredAt: now,
    }], 'any', tx);
    return { id: noticeId, acknowledgedAt: now.toISOString(), acknowledgedBy: user.id };
  });
}
