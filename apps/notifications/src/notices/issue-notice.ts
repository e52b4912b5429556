import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { type IntegrationEnvelope, type NoticeIssuedV1, type NoticeType, NotificationsEventTypes } from '@rectify/contracts';
import { type PgEventStore, stableUuid } from '@rectify/event-store';
import { scheduleDeliveries } from '../delivery/schedule-deliveries';

export interface NoticeToIssue {
  type: NoticeType;
  unitId: string;
  caseId?: string;
  title: string;
}

export const noticeStreamId = (noticeId: string) => `notice-${noticeId}`;

/** What a notice answers to: a consumed event, or a record of our own such as a due reminder. */
export interface NoticeCause {
  /** A UUID naming the cause; with the recipient and type it fixes the notice id. */
  id: string;
  correlationId: string;
  causationId: string | null;
  at: Date;
}

export const causeOf = (event: IntegrationEnvelope): NoticeCause => ({
  id: event.eventId,
  correlationId: event.correlationId,
  causationId: event.eventId,
  at: new Date(event.occurredAt),
});

/**
 * One notice per (event, recipient, type): the notice id is derived from them, and the stream
 * append at version 0 plus the unique row make a second issue impossible, even from another
 * instance that got the same event in a rebalance.
 */
export async function issueNotice(store: PgEventStore, tx: PoolClient, cause: NoticeCause, notice: NoticeToIssue): Promise<string> {
  const noticeId = stableUuid('rectify.notice', `${cause.id}:${notice.unitId}:${notice.type}`);
  // Issued already (the same cause reached us again by another path): nothing to do.
  if ((await tx.query('SELECT 1 FROM notices WHERE id = $1', [noticeId])).rowCount) return noticeId;
  const data: NoticeIssuedV1 = { noticeId, ...notice };
  const occurredAt = cause.at;
  await store.append(noticeStreamId(noticeId), [{
    eventId: randomUUID(),
    type: NotificationsEventTypes.NoticeIssued,
    schemaVersion: 1,
    data,
    metadata: {
      correlationId: cause.correlationId,
      causationId: cause.causationId,
      actor: { id: 'system:notifications', role: 'system', unitId: null },
    },
    occurredAt,
  }], 0, tx);
  await tx.query(
    `INSERT INTO notices (id, type, unit_id, case_id, title, source_event_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [noticeId, notice.type, notice.unitId, notice.caseId ?? null, notice.title, cause.id, occurredAt],
  );
  await scheduleDeliveries(tx, noticeId, notice.unitId, new Date());
  return noticeId;
}
