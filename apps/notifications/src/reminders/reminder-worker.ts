import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { PgEventStore, withTransaction } from '@rectify/event-store';
import { issueNotice } from '../notices/issue-notice';
import { claimDueReminders } from './reminder-schedule';

const POLL_MS = 30_000;

/** Issues `deadline_reminder` notices as their time comes; `tick(now)` lets tests drive the clock. */
@Injectable()
export class ReminderWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderWorker.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PgEventStore,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.tick(new Date()).catch((error) => this.logger.warn(`reminder round failed: ${String(error)}`));
    }, POLL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Sends every reminder due at `now`, each in its own transaction with its notice. */
  async tick(now: Date): Promise<number> {
    return issueDueReminders(this.pool, this.store, now);
  }
}

export async function issueDueReminders(pool: Pool, store: PgEventStore, now: Date): Promise<number> {
  let sent = 0;
  for (;;) {
    const sentNow = await withTransaction(pool, async (tx) => {
      const [reminder] = await claimDueReminders(tx, now, 1);
      if (!reminder) return 0;
      const noticeId = await issueNotice(store, tx, { id: reminder.id, correlationId: reminder.case_id, causationId: null, at: now }, {
        type: 'deadline_reminder',
        unitId: reminder.unit_id,
        caseId: reminder.case_id,
        title: `Reminder: case ${reminder.case_id.slice(0, 8)} is due ${reminder.deadline.toISOString().slice(0, 10)} (${reminder.kind === '7d' ? 'in 7 days' : 'tomorrow'})`,
      });
      await tx.query(`UPDATE reminders SET status = 'sent', notice_id = $2 WHERE id = $1`, [reminder.id, noticeId]);
      return 1;
    });
    if (sentNow === 0) return sent;
    sent += sentNow;
  }
}

