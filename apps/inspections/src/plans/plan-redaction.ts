import type { Pool } from 'pg';
import type { InspectionPlannedV1 } from '@rectify/contracts';
import { type Checkpoint, PgEventStore, type Queryable, type RecordedEvent } from '@rectify/event-store';
import type { EventLog } from '@rectify/messaging';
import type { InspectionPlannedData } from './domain/plan.events';

/** The part of a plan everybody may know. Sealed plans give away no target, window, title or checklist. */
export function publicPlanned(stored: InspectionPlannedData): InspectionPlannedV1 {
  const { planId, mode, scope } = stored;
  if (mode === 'unannounced') return { planId, mode, scope, sealed: true };
  return { planId, mode, scope, sealed: false, title: stored.title, targetUnitIds: stored.targetUnitIds, window: stored.window, checklist: stored.checklist };
}

/**
 * What the relay reads (ADR 005): the service's log, with every `InspectionPlanned` reduced to
 * its public part. The log itself keeps the full sealed facts, hash-chained like any event.
 */
export class RedactingEventLog implements EventLog {
  constructor(private readonly log: EventLog) {}

  async readAll(after: Checkpoint, limit?: number, db?: Queryable): Promise<RecordedEvent[]> {
    const events = await this.log.readAll(after, limit, db);
    return events.map((event) =>
      event.type === 'InspectionPlanned' ? { ...event, data: publicPlanned(event.data as InspectionPlannedData) } : event,
    );
  }
}

/** The relay's log for this service (named in AppModule, loaded on the relay's thread). */
export const redactingEventLog = (pool: Pool): EventLog => new RedactingEventLog(new PgEventStore(pool));
