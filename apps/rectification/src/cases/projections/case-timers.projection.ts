import type { PoolClient } from 'pg';
import type { Projection, RecordedEvent } from '@rectify/event-store';
import type { CaseEvent } from '../domain/case.events';

const arm = (tx: PoolClient, caseId: string, kind: 'deadline' | 'look_back', dueAt: string) =>
  tx.query(
    `INSERT INTO case_timers (case_id, kind, due_at, armed) VALUES ($1, $2, $3, true)
     ON CONFLICT (case_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at, armed = true`,
    [caseId, kind, dueAt],
  );
const setArmed = (tx: PoolClient, caseId: string, kind: 'deadline' | 'look_back', armed: boolean) =>
  tx.query('UPDATE case_timers SET armed = $3 WHERE case_id = $1 AND kind = $2', [caseId, kind, armed]);
const disarm = (tx: PoolClient, caseId: string, kind: 'deadline' | 'look_back') =>
  tx.query('DELETE FROM case_timers WHERE case_id = $1 AND kind = $2', [caseId, kind]);

/**
 * The durable timers (`case_timers`): armed from the deadline events, disarmed when the case
 * leaves the department's hands or the timer fired. The DeadlineWatcher reads it; the log
 * stays the truth, so the table can be rebuilt like any read model.
 */
export const caseTimersProjection: Projection = {
  name: 'case_timers',
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const recorded of events) {
      if (!recorded.streamId.startsWith('case-')) continue;
      const event = { type: recorded.type, data: recorded.data } as CaseEvent;
      const caseId = event.data.caseId;
      switch (event.type) {
        case 'CaseAssigned':
        case 'DeadlineExtended':
        case 'CaseReopened':
          await arm(tx, caseId, 'deadline', event.data.deadline);
          if (event.type === 'CaseReopened') await disarm(tx, caseId, 'look_back');
          break;
        case 'RectificationReported':
          // The clock stops while independent verification runs; a failed one restarts it.
          await setArmed(tx, caseId, 'deadline', false);
          break;
        case 'VerificationFailed':
          await setArmed(tx, caseId, 'deadline', true);
          break;
        case 'CaseOverdue':
        case 'CaseResolved':
          await disarm(tx, caseId, 'deadline');
          break;
        case 'LookBackScheduled':
          await arm(tx, caseId, 'look_back', event.data.lookBackAt);
          break;
        case 'VerificationRequested':
          if (event.data.purpose === 'look_back') await disarm(tx, caseId, 'look_back');
          break;
        case 'CaseDismissed':
        case 'CaseMerged':
          await tx.query('DELETE FROM case_timers WHERE case_id = $1', [caseId]);
          break;
        default:
          break;
      }
    }
  },
};
