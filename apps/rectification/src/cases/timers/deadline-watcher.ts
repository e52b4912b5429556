import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { ConcurrencyError } from '@rectify/event-store';
import { CaseRepository } from '../case-repository';
import { SYSTEM_ACTOR } from '../consumers/system-actor';
import { CaseError } from '../domain/case.errors';
import { CaseProjections } from '../projections/case-projections';
import { RectificationEnv } from '../../rectification.env';

interface DueTimer {
  case_id: string;
  kind: 'deadline' | 'look_back';
  due_at: Date;
}

export interface TickResult {
  fired: { caseId: string; kind: string; version: number }[];
}

/**
 * The durable deadline timer: the due rows of `case_timers` (kept by a projection of the
 * deadline events) become `CaseOverdue`/`CaseEscalated` or a look-back `VerificationRequested`.
 * `tick(now)` is the whole behaviour; the interval only calls it with the wall clock, so tests
 * drive time by calling tick with the instant they want. Several instances may tick at once:
 * the append's expected version lets one win and the decision is idempotent.
 */
@Injectable()
export class DeadlineWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineWatcher.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cases: CaseRepository,
    private readonly projections: CaseProjections,
    private readonly env: RectificationEnv,
  ) {}

  async tick(now: Date): Promise<TickResult> {
    await this.projections.catchUp();
    const { rows } = await this.pool.query<DueTimer>(
      'SELECT case_id, kind, due_at FROM case_timers WHERE armed AND due_at <= $1 ORDER BY due_at LIMIT 500',
      [now],
    );
    const fired: TickResult['fired'] = [];
    for (const timer of rows) {
      const context = { actor: SYSTEM_ACTOR, correlationId: randomUUID(), causationId: null };
      const type = timer.kind === 'deadline' ? 'MarkOverdue' : 'RequestLookBack';
      try {
        const before = await this.cases.load(timer.case_id);
        const result = await this.cases.execute(timer.case_id, { type, data: {}, metadata: { now: now.toISOString() } }, { ...context, expectedVersion: before.version });
        if (result.version > before.version) fired.push({ caseId: timer.case_id, kind: timer.kind, version: result.version });
        else await this.forget(timer);
      } catch (error) {
        if (error instanceof ConcurrencyError) continue; // another instance or a command won; the next tick sees the new state
        if (!(error instanceof CaseError)) throw error;
        // The case moved on (resolved, dismissed…) before the projection disarmed the timer.
        await this.forget(timer);
      }
    }
    if (fired.length) await this.projections.catchUp();
    return { fired };
  }

  /** Drops a timer that has nothing left to do, unless it was re-armed for another instant meanwhile. */
  private async forget(timer: DueTimer): Promise<void> {
    await this.pool.query('DELETE FROM case_timers WHERE case_id = $1 AND kind = $2 AND due_at = $3', [timer.case_id, timer.kind, timer.due_at]);
  }

  onApplicationBootstrap(): void {
    const intervalMs = this.env.RECTIFY_TIMER_INTERVAL_MS;
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.tick(new Date()).catch((error) => this.logger.warn(`deadline tick failed, retrying next time: ${String(error)}`));
    }, intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
