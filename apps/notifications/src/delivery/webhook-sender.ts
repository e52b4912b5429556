import type { Pool } from 'pg';
import type { ChannelSender, NoticeMessage } from './notice-message';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';

/** POSTs the notice as JSON, signed with the unit's secret; anything but a 2xx is a failure. */
export class WebhookSender implements ChannelSender {
  constructor(
    private readonly pool: Pool,
    private readonly timeoutMs: number,
  ) {}

  async send(target: string, message: NoticeMessage): Promise<void> {
    const { rows } = await this.pool.query<{ webhook_secret: string | null }>(
      'SELECT webhook_secret FROM unit_channels WHERE unit_id = $1 AND webhook_url = $2',
      [message.unitId, target],
    );
    const secret = rows[0]?.webhook_secret;
    if (!secret) throw new Error('the unit no longer has this webhook');
    const body = JSON.stringify(message);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
        [TIMESTAMP_HEADER]: timestamp,
        [DELIVERY_HEADER]: message.deliveryId,
      },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
