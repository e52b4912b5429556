import type { PoolClient } from 'pg';
import { stableUuid } from '@rectify/event-store';

/**
 * Queues the notice for the unit's webhook and e-mail addresses, in the transaction that
 * issues the notice: no notice without its deliveries, and never two rows for one target.
 */
export async function scheduleDeliveries(tx: PoolClient, noticeId: string, unitId: string, at: Date): Promise<void> {
  const { rows } = await tx.query<{ webhook_url: string | null; emails: string[] }>(
    'SELECT webhook_url, emails FROM unit_channels WHERE unit_id = $1',
    [unitId],
  );
  const channels = rows[0];
  if (!channels) return;
  const targets = [
    ...(channels.webhook_url ? [{ channel: 'webhook', target: channels.webhook_url }] : []),
    ...channels.emails.map((email) => ({ channel: 'email', target: email })),
  ];
  for (const { channel, target } of targets) {
    await tx.query(
      `INSERT INTO deliveries (id, notice_id, channel, target, status, next_attempt_at)
       VALUES ($1, $2, $3, $4, 'pending', $5) ON CONFLICT (notice_id, channel, target) DO NOTHING`,
      [stableUuid('rectify.delivery', `${noticeId}:${channel}:${target}`), noticeId, channel, target, at],
    );
  }
}
