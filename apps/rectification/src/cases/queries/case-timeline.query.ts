import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { PgEventStore } from '@rectify/event-store';
import { caseStreamId } from '../case-stream';

export interface TimelineEntry {
  type: string;
  service: string;
  at: string;
  actor: unknown;
  data: Record<string, unknown>;
  /** The case's version after this event; absent for events consumed from other services. */
  version?: number;
}

/** Every event about a case: its own log plus the consumed events stored with their effects. */
@Injectable()
export class CaseTimeline {
  constructor(
    private readonly store: PgEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async run(caseId: string): Promise<TimelineEntry[]> {
    const [own, foreign] = await Promise.all([
      this.store.readStream(caseStreamId(caseId)),
      this.pool.query<{ type: string; service: string; occurred_at: Date; actor: unknown; data: Record<string, unknown> }>(
        'SELECT type, service, occurred_at, actor, data FROM case_foreign_events WHERE case_id = $1 ORDER BY occurred_at, recorded_at',
        [caseId],
      ),
    ]);
    const entries: TimelineEntry[] = [
      // A consumed event causes the case's reaction at the same instant, so at a tie it comes first.
      ...foreign.rows.map((row) => ({ type: row.type, service: row.service, at: row.occurred_at.toISOString(), actor: row.actor, data: row.data })),
      ...own.map((event) => ({
        type: event.type,
        service: 'rectification',
        at: event.occurredAt.toISOString(),
        actor: event.metadata.actor,
        data: event.data as Record<string, unknown>,
        version: event.streamVersion,
      })),
    ];
    // Array.prototype.sort is stable: ties keep foreign-first and the log's own order.
    return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }
}
