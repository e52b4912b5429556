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
    // Opened cases are inserted together, one statement for a run of them (a busy log is mostly
    // openings); any other change first writes the runs before it, so every change follows its row.
    const opened: unknown[][] = [];
    const insertOpened = async () => {
      if (opened.length === 0) return;
      const values = opened.flat();
      const tuples = opened.map((_, i) => {
        const [id, unit, category, title, severity, kind, ref, version, at] = Array.from({ length: 9 }, (__, j) => `$${i * 9 + j + 1}`);
        return `(${id}, ${unit}, ${category}, ${title}, ${severity}, 'registered', ${kind}, ${ref}, ${version}, ${at}, ${at})`;
      });
      opened.length = 0;
      await tx.query(
        `INSERT INTO case_list (id, unit_id, category, title, severity, status, source_kind, source_ref, version, opened_at, updated_at)
         VALUES ${tuples.join(',')}
         ON CONFLICT (id) DO NOTHING`,
        values,
      );
    };
    for (const recorded of events) {
      if (!recorded.streamId.startsWith('case-')) continue;
      const event = { type: recorded.type, data: recorded.data } as CaseEvent;
      const at = recorded.occurredAt;
      if (event.type === 'CaseOpened') {
        const d = event.data;
        opened.push([d.caseId, d.unitId, d.category, d.title, d.severity, d.source.kind, d.source.ref, recorded.streamVersion, at]);
        continue;
      }
      const sets = changes(event);
      if (!sets) continue;
      await insertOpened();
      const values: unknown[] = [event.data.caseId, recorded.streamVersion, at];
      const assignments = Object.entries(sets).map(([column, value]) => `${column} = $${values.push(value)}`);
      await tx.query(`UPDATE case_list SET ${[...assignments, 'version = $2', 'updated_at = $3'].join(', ')} WHERE id = $1`, values);
    }
    await insertOpened();
  },
};

function assertNever(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
