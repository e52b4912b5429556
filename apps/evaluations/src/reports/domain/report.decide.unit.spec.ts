import type { ReportCommand } from './report.commands';
import { decide } from './report.decide';
import type { ReportEvent } from './report.events';
import { evolve } from './report.evolve';
import { initialReportState, type ReportState } from './report.state';

const now = '2026-03-01T08:00:00.000Z';
const reportId = '5d1f8a2e-3b4c-4d5e-8f60-718293a4b5c6';
const caseId = '9e8d7c6b-5a49-4382-9716-05f4e3d2c1b0';
const metadata = { now };
const run = (commands: ReportCommand[]): { state: ReportState; events: ReportEvent[] } => {
  let state = initialReportState();
  const events: ReportEvent[] = [];
  for (const command of commands) {
    for (const event of decide(command, state)) {
      state = evolve(state, event, now);
      events.push(event);
    }
  }
  return { state, events };
};
const receive: ReportCommand = { type: 'ReceiveReport', data: { reportId, channel: 'telephone', unitId: 'unit-a' }, metadata };
const triageOpen: ReportCommand = { type: 'TriageReport', data: { decision: 'open_case', category: 'FAVOR_SEEKING', summary: 'Clerk asked for a gift before stamping' }, metadata };
const link: ReportCommand = { type: 'LinkCase', data: { caseId }, metadata };
const resolved: ReportCommand = { type: 'RecordCaseResolved', data: { caseId }, metadata };
const feedback = (solved: boolean): ReportCommand => ({ type: 'GiveFeedback', data: { solved }, metadata });

describe('report decide/evolve', () => {
  it('follows received → under review → case opened → resolved', () => {
    expect(run([receive]).state.status).toBe('received');
    expect(run([receive, triageOpen]).state.status).toBe('under_review');
    expect(run([receive, triageOpen, link]).state).toMatchObject({ status: 'case_opened', caseId });
    expect(run([receive, triageOpen, link, resolved]).state.status).toBe('resolved');
  });

  it('publishes a triage that opens a case with the unit from the report and the inspector\'s summary', () => {
    const { events } = run([receive, triageOpen]);
    expect(events[1]).toEqual({ type: 'ReportTriaged', data: { reportId, decision: 'open_case', unitId: 'unit-a', category: 'FAVOR_SEEKING', summary: 'Clerk asked for a gift before stamping' } });
  });

  it('refuses to open a case without a category, and to triage twice', () => {
    const noCategory: ReportCommand = { type: 'TriageReport', data: { decision: 'open_case', summary: 's' }, metadata };
    expect(() => run([receive, noCategory])).toThrow(expect.objectContaining({ code: 'REPORT.TRIAGE_INCOMPLETE' }));
    expect(() => run([receive, triageOpen, triageOpen])).toThrow(expect.objectContaining({ code: 'REPORT.ALREADY_TRIAGED' }));
  });

  it('merges into an existing case at once, and closes when dismissed', () => {
    expect(run([receive, { type: 'TriageReport', data: { decision: 'merge', caseId }, metadata }]).state).toMatchObject({ status: 'case_opened', caseId });
    expect(run([receive, { type: 'TriageReport', data: { decision: 'dismiss', reason: 'outside our remit' }, metadata }]).state.status).toBe('closed');
  });

  it('takes feedback only once the case is resolved, once per resolution', () => {
    expect(() => run([receive, triageOpen, link, feedback(true)])).toThrow(expect.objectContaining({ code: 'REPORT.FEEDBACK_NOT_OPEN' }));
    expect(() => run([receive, triageOpen, link, resolved, feedback(true), feedback(false)])).toThrow(expect.objectContaining({ code: 'REPORT.FEEDBACK_NOT_OPEN' }));
  });

  it('puts the report back on its open case when the reporter says "not solved", and takes feedback again after the next resolution', () => {
    const { state, events } = run([receive, triageOpen, link, resolved, feedback(false)]);
    expect(events.at(-1)).toEqual({ type: 'ReporterFeedbackGiven', data: { reportId, caseId, solved: false } });
    expect(state).toMatchObject({ status: 'case_opened', caseId });
    expect(run([receive, triageOpen, link, resolved, feedback(false), resolved, feedback(true)]).state.status).toBe('resolved');
  });

  it('ignores case facts that do not concern it instead of failing the consumer', () => {
    const other: ReportCommand = { type: 'RecordCaseResolved', data: { caseId: '00000000-0000-4000-8000-000000000001' }, metadata };
    expect(run([receive, triageOpen, link, other]).events).toHaveLength(3);
    expect(run([receive, triageOpen, link, link]).events).toHaveLength(3);
  });
});

describe('report following its case', () => {
  const base: ReportCommand[] = [receive, triageOpen, link];
  const into = '11111111-2222-4333-8444-555555555555';

  it('follows a merge into the other case, a dismissal to closed, and a reopening back to case opened', () => {
    expect(run([...base, { type: 'RecordCaseMerged', data: { caseId, intoCaseId: into }, metadata }]).state).toMatchObject({ status: 'case_opened', caseId: into });
    expect(run([...base, { type: 'RecordCaseDismissed', data: { caseId }, metadata }]).state.status).toBe('closed');
    const closed = [...base, resolved, { type: 'RecordCaseClosed' as const, data: { caseId }, metadata }];
    expect(run(closed).state.status).toBe('closed');
    expect(run([...closed, { type: 'RecordCaseReopened', data: { caseId }, metadata }]).state).toMatchObject({ status: 'case_opened', caseId });
  });
});
