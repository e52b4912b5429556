import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { PgEventStore, withTransaction } from '@rectify/event-store';
import { NotificationsEnv } from '../notifications.env';
import { noticeStreamId } from '../notices/issue-notice';
import { deliveryLeaseMs } from './delivery-lease';
import { EmailSender } from './email-sender';
import type { ChannelSender, NoticeMessage } from './notice-message';
import { nextAttemptDelay } from './retry-policy';
import { WebhookSender } from './webhook-sender';

interface DueDelivery {
  id: string;
  notice_id: string;
  channel: 'webhook' | 'email';
  target: string;
  attempts: number;
  type: string;
  unit_id: string;
  case_id: string | null;
  title: string;
  created_at: Date;
}

const POLL_MS = 250;

/**
 * Sends due deliveries from the durable schedule. Rows are claimed with SKIP LOCKED and a
 * lease, so two instances never send the same row at once and a crashed sender's rows come
 * back after the lease. Receivers get X-Rectify-Delivery to drop a repeat after such a crash.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly senders: Record<DueDelivery['channel'], ChannelSender>;
  private readonly email: EmailSender;
  private readonly leaseMs: number;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PgEventStore,
    private readonly env: NotificationsEnv,
  ) {
    this.email = new EmailSender(env.SMTP_URL, env.MAIL_FROM, env.WEBHOOK_TIMEOUT_MS);
    this.senders = { webhook: new WebhookSender(pool, env.WEBHOOK_TIMEOUT_MS), email: this.email };
    this.leaseMs = deliveryLeaseMs(env.WEBHOOK_TIMEOUT_MS);
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
    this.email.close();
  }

  /** Sends every delivery due now; returns how many were tried. */
  async tick(): Promise<number> {
    const due = await this.claimDue();
    await Promise.all(due.map((delivery) => this.attempt(delivery)));
    return due.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if ((await this.tick()) > 0) continue;
      } catch (error) {
        this.logger.warn(`delivery round failed, retrying: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async claimDue(): Promise<DueDelivery[]> {
    const { rows } = await this.pool.query<DueDelivery>(
      `UPDATE deliveries d SET locked_until = now() + make_interval(secs => $1)
        FROM notices n
        WHERE d.notice_id = n.id AND d.id IN (
          SELECT id FROM deliveries
           WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
           ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.notice_id, d.channel, d.target, d.attempts, n.type, n.unit_id, n.case_id, n.title, n.created_at`,
      [this.leaseMs / 1000],
    );
    return rows;
  }

  private async attempt(delivery: DueDelivery): Promise<void> {
    const message: NoticeMessage = {
      deliveryId: delivery.id,
      noticeId: delivery.notice_id,
      type: delivery.type,
      unitId: delivery.unit_id,
      caseId: delivery.case_id,
      title: delivery.title,
      createdAt: delivery.created_at.toISOString(),
    };
    let error: string | null = null;
    try {
      await this.senders[delivery.channel].send(delivery.target, message);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    await this.record(delivery, error);
  }

  private async record(delivery: DueDelivery, error: string | null): Promise<void> {
    const attempts = delivery.attempts + 1;
    const dead = error !== null && attempts >= this.env.DELIVERY_MAX_ATTEMPTS;
    await withTransaction(this.pool, async (tx) => {
      await tx.query('INSERT INTO delivery_attempts (delivery_id, attempt, at, ok, detail) VALUES ($1, $2, now(), $3, $4)', [delivery.id, attempts, error === null, error]);
      await tx.query(
        `UPDATE deliveries SET attempts = $2, locked_until = NULL, last_error = $3,
                status = $4, delivered_at = CASE WHEN $4 = 'delivered' THEN now() END,
                next_attempt_at = now() + make_interval(secs => $5)
          WHERE id = $1`,
        [delivery.id, attempts, error, error === null ? 'delivered' : dead ? 'dead' : 'pending', nextAttemptDelay(attempts, this.env.DELIVERY_BASE_DELAY_MS) / 1000],
      );
      if (error === null || dead) {
        await this.store.append(noticeStreamId(delivery.notice_id), [{
          eventId: randomUUID(),
          type: error === null ? 'NoticeDelivered' : 'NoticeDeliveryFailed',
          schemaVersion: 1,
          data: { noticeId: delivery.notice_id, deliveryId: delivery.id, channel: delivery.channel, attempts, ...(error ? { error } : {}) },
          metadata: { correlationId: delivery.notice_id, causationId: null, actor: { id: 'system:notifications', role: 'system', unitId: null } },
          occurredAt: new Date(),
        }], 'any', tx);
      }
    });
    if (dead) this.logger.warn(`delivery ${delivery.id} (${delivery.channel}) dead after ${attempts} tries: ${error}`);
  }
}
