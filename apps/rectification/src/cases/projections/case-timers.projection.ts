import type { PoolClient } from 'pg';
import type { Projection, RecordedEvent } from '@rectify/event-store';
import type { CaseEvent } from '../domain/case.events';

type Kind = 'deadline' | 'look_back';

/**
 * Arms collected over a run of events and written in one statement (one row per case and kind,
 * the last due time winning) before any other change to the timers: a busy log is mostly cases
 * assigned, each arming its deadline.
 */
class PendingArms {
  private readonly arms = new Map<string, [string, Kind, string]>();

  add(caseId: string, kind: Kind, dueAt: string): void {
    this.arms.set(`${caseId}/${kind}`, [caseId, kind, dueAt]);
  }

  async write(tx: PoolClient): Promise<void> {
    if (this.arms.size === 0) return;
    const values: unknown[] = [];
    const tuples = [...this.arms.values()].map((row) => `(${row.map((value) => `$${values.push(value)}`).join(', ')}, true)`);
    this.arms.clear();
    await tx.query(
      `INSERT INTO case_timers (case_id, kind, due_at, armed) VALUES ${tuples.join(', ')}
       ON CONFLICT (case_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at, armed = true`,
      values,
    );
  }
}
const arm = (tx: PoolClient, caseId: string, kind: Kind, dueAt: string) => {
  const one = new PendingArms();
  one.add(caseId, kind, dueAt);
  return one.write(tx);
};
const setArmed = (tx: PoolClient, caseId: string, kind: Kind, armed: boolean) =>
  tx.query('UPDATE case_timers SET armed = $3 WHERE case_id = $1 AND kind = $2', [caseId, kind, armed]);
const disarm = (tx: PoolClient, caseId: string, kind: Kind) =>
  tx.query('DELETE FROM case_timers WHERE case_id = $1 AND kind = $2', [caseId, kind]);

const CHANGES_IN_PLACE = new Set<CaseEvent['type']>([
  'CaseReopened', 'RectificationReported', 'VerificationFailed', 'CaseOverdue', 'CaseResolved',
  'LookBackScheduled', 'VerificationRequested', 'CaseDismissed', 'CaseMerged',
]);

/**
 * The durable timers (`case_timers`): armed from the deadline events, disarmed when the case
 * leaves the department's hands or the timer fired. The DeadlineWatcher reads it; the log
 * stays the truth, so the table can be rebuilt like any read model.
 */
export const caseTimersProjection: Projection = {
  name: 'case_timers',
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    const arms = new PendingArms();
    for (const recorded of events) {
      if (!recorded.streamId.startsWith('case-')) continue;
      const event = { type: recorded.type, data: recorded.data } as CaseEvent;
      const caseId = event.data.caseId;
      if (event.type === 'CaseAssigned' || event.type === 'DeadlineExtended') {
        arms.add(caseId, 'deadline', event.data.deadline);
        continue;
      }
      if (!CHANGES_IN_PLACE.has(event.type)) continue;
      // Arms before a change in place go first, so every change applies in log order.
      await arms.write(tx);
      switch (event.type) {
        case 'CaseReopened':
          await arm(tx, caseId, 'deadline', event.data.deadline);
          await disarm(tx, caseId, 'look_back');
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
    await arms.write(tx);
  },
};
