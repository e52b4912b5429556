import type { PoolClient } from 'pg';
import type { Projection, RecordedEvent } from '@rectify/event-store';
import type { CaseEvent } from '../domain/case.events';

type Sets = Record<string, unknown>;

/** Column changes each event makes to its case's row; `status` follows evolve's transitions. */
function changes(event: CaseEvent): Sets | undefined {
  switch (event.type) {
    case 'CaseAssigned':
      return { status: 'assigned', responsible_unit_id: event.data.responsibleUnitId, deadline: event.data.deadline, overdue: false };
    case 'CaseAcknowledged':
      return { status: 'acknowledged' };
    case 'MeasuresSubmitted':
      return { status: 'rectifying' };
    case 'RectificationReported':
      return { status: 'reported' };
    case 'VerificationRequested':
      return event.data.purpose === 'verification' ? { status: 'verifying' } : {};
    case 'VerificationFailed':
      return { status: 'rectifying', return_count: event.data.returnCount };
    case 'DeadlineExtended':
      return { deadline: event.data.deadline, overdue: false };
    case 'CaseOverdue':
      return { overdue: true };
    case 'CaseEscalated':
      return { escalated: true };
    case 'CaseResolved':
      return { status: 'resolved', overdue: false };
    case 'CaseClosed':
      return { status: 'closed' };
    case 'CaseReopened':
      return { status: 'rectifying', reopen_count: event.data.reopenCount, deadline: event.data.deadline, overdue: false };
    case 'CaseDismissed':
      return { status: 'dismissed' };
    case 'CaseMerged':
      return { status: 'merged' };
    case 'ProgressReported':
    case 'VerificationPassed':
    case 'AccountabilityRecorded':
    case 'LookBackScheduled':
    case 'CaseBulletinPublished':
      return {};
    case 'CaseOpened':
      return undefined;
    default:
      return assertNever(event);
  }
}

/** The `case_list` read model behind GET /api/cases. Rebuildable from the log at any time. */
export const caseListProjection: Projection = {
  name: 'case_list',
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const recorded of events) {
      if (!recorded.streamId.startsWith('case-')) continue;
      const event = { type: recorded.type, data: recorded.data } as CaseEvent;
      const at = recorded.occurredAt;
      if (event.type === 'CaseOpened') {
        const d = event.data;
        await tx.query(
          `INSERT INTO case_list (id, unit_id, category, title, severity, status, source_kind, source_ref, version, opened_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'registered', $6, $7, $8, $9, $9)
           ON CONFLICT (id) DO NOTHING`,
          [d.caseId, d.unitId, d.category, d.title, d.severity, d.source.kind, d.source.ref, recorded.streamVersion, at],
        );
        continue;
      }
      const sets = changes(event);
      if (!sets) continue;
      const values: unknown[] = [event.data.caseId, recorded.streamVersion, at];
      const assignments = Object.entries(sets).map(([column, value]) => `${column} = $${values.push(value)}`);
      await tx.query(`UPDATE case_list SET ${[...assignments, 'version = $2', 'updated_at = $3'].join(', ')} WHERE id = $1`, values);
    }
  },
};

function assertNever(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
