import type { PoolClient } from 'pg';
import { stableUuid } from '@rectify/event-store';

/** A unit's delivery channels (`unit_channels`): none is a null webhook and no e-mails. */
export interface UnitChannels {
  webhook_url: string | null;
  emails: string[];
}

/**
 * Queues each notice for its unit's webhook and e-mail addresses, in the transaction that
 * issues the notices: no notice without its deliveries, and never two rows for one target. The
 * channels come with the notices (read by the statement that inserted them); one INSERT for
 * every delivery.
 */
export async function scheduleAllDeliveries(tx: PoolClient, notices: ReadonlyArray<{ noticeId: string; channels: UnitChannels }>, at: Date): Promise<void> {
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const { noticeId, channels } of notices) {
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
