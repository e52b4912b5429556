import type { PoolClient } from 'pg';

/**
 * Queues each notice for its unit's webhook and e-mail addresses, in the transaction that
 * issues the notices: no notice without its deliveries, and never two rows for one target
 * (the unique (notice, channel, target) row; a second issue inserts nothing). One statement
 * joins the notices to their units' channels: a notice to a unit without channels costs no
 * round trip of its own.
 */
export async function scheduleAllDeliveries(tx: PoolClient, notices: ReadonlyArray<{ noticeId: string; unitId: string }>, at: Date): Promise<void> {
  if (notices.length === 0) return;
  await tx.query(
    `INSERT INTO deliveries (id, notice_id, channel, target, status, next_attempt_at)
     SELECT gen_random_uuid(), notice.id, target.channel, target.address, 'pending', $3
       FROM unnest($1::uuid[], $2::text[]) AS notice (id, unit_id)
       JOIN unit_channels channels ON channels.unit_id = notice.unit_id
       CROSS JOIN LATERAL (
         SELECT 'webhook', channels.webhook_url WHERE channels.webhook_url IS NOT NULL
         UNION ALL
         SELECT 'email', email FROM unnest(channels.emails) AS email
       ) AS target (channel, address)
     ON CONFLICT (notice_id, channel, target) DO NOTHING`,
    [notices.map((notice) => notice.noticeId), notices.map((notice) => notice.unitId), at],
  );
}
