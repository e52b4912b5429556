import type { PoolClient } from 'pg';
import { stableUuid } from '@rectify/event-store';

/**
 * Queues each notice for its unit's webhook and e-mail addresses, in the transaction that
 * issues the notices: no notice without its deliveries, and never two rows for one target.
 * One query for the units' channels, one INSERT for every delivery.
 */
export async function scheduleAllDeliveries(tx: PoolClient, notices: ReadonlyArray<{ noticeId: string; unitId: string }>, at: Date): Promise<void> {
  if (notices.length === 0) return;
  const { rows } = await tx.query<{ unit_id: string; webhook_url: string | null; emails: string[] }>(
    'SELECT unit_id, webhook_url, emails FROM unit_channels WHERE unit_id = ANY($1::text[])',
    [[...new Set(notices.map((notice) => notice.unitId))]],
  );
  const channelsOf = new Map(rows.map((row) => [row.unit_id, row]));
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const { noticeId, unitId } of notices) {
    const channels = channelsOf.get(unitId);
    if (!channels) continue;
    const targets = [
      ...(channels.webhook_url ? [{ channel: 'webhook', target: channels.webhook_url }] : []),
      ...channels.emails.map((email) => ({ channel: 'email', target: email })),
    ];
    for (const { channel, target } of targets) {
      const p = values.push(stableUuid('rectify.delivery', `${noticeId}:${channel}:${target}`), noticeId, channel, target, at);
      tuples.push(`($${p - 4}, $${p - 3}, $${p - 2}, $${p - 1}, 'pending', $${p})`);
    }
  }
  if (tuples.length === 0) return;
  await tx.query(
    `INSERT INTO deliveries (id, notice_id, channel, target, status, next_attempt_at)
     VALUES ${tuples.join(', ')} ON CONFLICT (notice_id, channel, target) DO NOTHING`,
    values,
  );
}
