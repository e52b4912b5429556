import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { Directory } from '@rectify/directory';
import { PgEventStore } from '@rectify/event-store';
import { NotificationsEnv } from '../notifications.env';
import { followUpUnacknowledged } from './notice-follow-up';

const POLL_MS = 60_000;

/** Runs the re-send/escalation follow-up of unacknowledged rectification notices every minute. */
@Injectable()
export class NoticeFollowUpWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NoticeFollowUpWorker.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PgEventStore,
    private readonly directory: Directory,
    private readonly env: NotificationsEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      followUpUnacknowledged(this.pool, this.store, this.directory, new Date(), this.env.NOTICE_RESEND_AFTER_MS).catch((error) =>
        this.logger.warn(`follow-up round failed: ${String(error)}`),
      );
    }, POLL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
