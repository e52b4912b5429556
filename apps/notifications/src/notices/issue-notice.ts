import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { type IntegrationEnvelope, type NoticeIssuedV1, type NoticeType, NotificationsEventTypes } from '@rectify/contracts';
import { type PgEventStore, stableUuid } from '@rectify/event-store';
import { scheduleAllDeliveries, type UnitChannels } from '../delivery/schedule-deliveries';

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
 * One notice per (event, recipient, type): the notice id is derived from them, and the unique
 * row (written first: a second issue stops there) plus the stream append at version 0 make a
 * second issue impossible, even from another instance that got the same event in a rebalance.
 */
export async function issueNotice(store: PgEventStore, tx: PoolClient, cause: NoticeCause, notice: NoticeToIssue): Promise<string> {
  const [noticeId] = await issueNotices(store, tx, [{ cause, notice }]);
  return noticeId;
}

/** issueNotice for several notices, with one INSERT of their rows and one of their events. */
export async function issueNotices(store: PgEventStore, tx: PoolClient, notices: ReadonlyArray<{ cause: NoticeCause; notice: NoticeToIssue }>): Promise<string[]> {
  const ids = notices.map(({ cause, notice }) => stableUuid('rectify.notice', `${cause.id}:${notice.unitId}:${notice.type}`));
  const values: unknown[] = [];
  const tuples = notices.map(({ cause, notice }, i) => {
    const at = values.push(ids[i], notice.type, notice.unitId, notice.caseId ?? null, notice.title, cause.id, cause.at);
    return `($${at - 6}, $${at - 5}, $${at - 4}, $${at - 3}, $${at - 2}, $${at - 1}, $${at})`;
  });
  // The unit channels of each newly issued notice come back with it: its deliveries need them.
  const { rows } = await tx.query<{ id: string } & UnitChannels>(
    `WITH issued AS (
       INSERT INTO notices (id, type, unit_id, case_id, title, source_event_id, created_at) VALUES ${tuples.join(', ')}
       ON CONFLICT DO NOTHING RETURNING id, unit_id)
     SELECT issued.id, channels.webhook_url, coalesce(channels.emails, '{}') AS emails
       FROM issued LEFT JOIN unit_channels channels ON channels.unit_id = issued.unit_id`,
    values,
  );
  // Issued already (the same cause reached us again by another path): nothing more to do.
  // A notice named twice in the batch is issued once: its row is taken by the first.
  const fresh = new Map(rows.map((row) => [row.id, row]));
  const toIssue = notices.flatMap((entry, i) => {
    const channels = fresh.get(ids[i]);
    return channels && fresh.delete(ids[i]) ? [{ ...entry, noticeId: ids[i], channels }] : [];
  });
  await store.appendToNewStreams(toIssue.map(({ cause, notice, noticeId }) => ({
    streamId: noticeStreamId(noticeId),
    events: [{
      eventId: randomUUID(),
      type: NotificationsEventTypes.NoticeIssued,
      schemaVersion: 1,
      data: { noticeId, ...notice } satisfies NoticeIssuedV1,
      metadata: {
        correlationId: cause.correlationId,
        causationId: cause.causationId,
        actor: { id: 'system:notifications', role: 'system', unitId: null },
      },
      occurredAt: cause.at,
    }],
  })), tx);
  await scheduleAllDeliveries(tx, toIssue, new Date());
  return ids;
}
