import type { CaseCommand, CommandActor } from './case.commands';
import { decide } from './case.decide';
import type { CaseEvent } from './case.events';
import { evolve } from './case.evolve';
import { type CaseState, initialCaseState, type OpenedCase } from './case.state';

const caseId = '6f1c1f7e-51a4-4a39-9d0b-1a2b3c4d5e6f';
const now = '2026-03-01T08:00:00.000Z';
const inspector: CommandActor = { id: 'u-inspector', role: 'inspector', unitId: null };
const deptA: CommandActor = { id: 'u-dept-a', role: 'department', unitId: 'unit-a' };
const meta = (at = now) => ({ metadata: { now: at } });

const opened: CaseEvent = {
  type: 'CaseOpened',
  data: {
    caseId,
    unitId: 'unit-a',
    category: 'DISCIPLINE_LAXITY',
    title: 'Window 3 unstaffed',
    description: 'Nobody at the window',
    severity: 'general',
    source: { kind: 'inspection_finding', ref: 'finding-1' },
    cadreIds: ['cadre-1'],
  },
};
const assigned: CaseEvent = { type: 'CaseAssigned', data: { caseId, responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang', deadline: '2026-03-31T00:00:00.000Z' } };
const acknowledged: CaseEvent = { type: 'CaseAcknowledged', data: { caseId, acknowledgedBy: deptA.id } };
const measure = { description: 'Duty roster at every window', owner: 'Deputy Li', dueDate: '2026-03-20T00:00:00.000Z' };
const measures: CaseEvent = { type: 'MeasuresSubmitted', data: { caseId, measures: [measure] } };
const reported: CaseEvent[] = [
  { type: 'RectificationReported', data: { caseId, summary: 'Roster in place' } },
  { type: 'VerificationRequested', data: { caseId, unitId: 'unit-a', responsibleUnitId: 'unit-a', category: 'DISCIPLINE_LAXITY', purpose: 'verification', basis: 're_inspection' } },
];
const verdict = { caseId, basis: 're_inspection' as const, note: 'checked', verifierId: inspector.id, verifierUnitId: null };
const failedOnce: CaseEvent = { type: 'VerificationFailed', data: { ...verdict, returnCount: 1 } };
const resolved: CaseEvent[] = [
  { type: 'VerificationPassed', data: verdict },
  { type: 'CaseResolved', data: { caseId, unitId: 'unit-a', responsibleUnitId: 'unit-a' } },
  { type: 'LookBackScheduled', data: { caseId, lookBackAt: '2026-05-30T08:00:00.000Z' } },
];
const closed: CaseEvent = { type: 'CaseClosed', data: { caseId, note: null } };

const given = (...events: CaseEvent[]): CaseState => events.reduce((s, e) => evolve(s, e, now), initialCaseState());
const upTo = {
  registered: [opened],
  assigned: [opened, assigned],
  acknowledged: [opened, assigned, acknowledged],
  rectifying: [opened, assigned, acknowledged, measures],
  reported: [opened, assigned, acknowledged, measures, reported[0]],
  verifying: [opened, assigned, acknowledged, measures, ...reported],
  resolved: [opened, assigned, acknowledged, measures, ...reported, ...resolved],
  closed: [opened, assigned, acknowledged, measures, ...reported, ...resolved, closed],
  dismissed: [opened, { type: 'CaseDismissed', data: { caseId, reason: 'unfounded' } }],
  merged: [opened, { type: 'CaseMerged', data: { caseId, intoCaseId: 'other' } }],
} satisfies Record<string, CaseEvent[]>;
type Status = keyof typeof upTo;
const statuses = Object.keys(upTo) as Status[];

const commands: Record<Exclude<CaseCommand['type'], 'OpenCase'>, CaseCommand> = {
  AssignCase: { type: 'AssignCase', data: { responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang', deadline: '2026-04-01T00:00:00.000Z' }, ...meta() },
  AcknowledgeCase: { type: 'AcknowledgeCase', data: { by: deptA }, ...meta() },
  SubmitMeasures: { type: 'SubmitMeasures', data: { measures: [measure] }, ...meta() },
  ReportProgress: { type: 'ReportProgress', data: { note: 'half done' }, ...meta() },
  ReportRectified: { type: 'ReportRectified', data: { summary: 'Roster in place' }, ...meta() },
  VerifyCase: { type: 'VerifyCase', data: { outcome: 'passed', basis: 're_inspection', note: 'checked', verifier: inspector, lookBackDays: 90 }, ...meta() },
  RequestReverification: { type: 'RequestReverification', data: { basis: 'reporter_feedback' }, ...meta() },
  ExtendDeadline: { type: 'ExtendDeadline', data: { deadline: '2026-04-30T00:00:00.000Z', reason: 'flood' }, ...meta() },
  MarkOverdue: { type: 'MarkOverdue', data: {}, ...meta('2026-04-01T00:00:00.000Z') },
  RequestLookBack: { type: 'RequestLookBack', data: {}, ...meta('2026-06-01T00:00:00.000Z') },
  RecordAccountability: { type: 'RecordAccountability', data: { cadreId: 'cadre-1', measure: 'admonishment_talk', note: 'talk held' }, ...meta() },
  PublishBulletin: { type: 'PublishBulletin', data: { summary: 'a typical case' }, ...meta() },
  CloseCase: { type: 'CloseCase', data: { note: null }, ...meta() },
  ReopenCase: { type: 'ReopenCase', data: { reason: 'look-back found it again', deadline: '2026-04-01T00:00:00.000Z' }, ...meta() },
  DismissCase: { type: 'DismissCase', data: { reason: 'unfounded' }, ...meta() },
  MergeCase: { type: 'MergeCase', data: { intoCaseId: 'other', into: { status: 'assigned' } }, ...meta() },
};
const allowed: Record<keyof typeof commands, Status[]> = {
  AssignCase: ['registered', 'assigned'],
  AcknowledgeCase: ['assigned'],
  SubmitMeasures: ['acknowledged', 'rectifying'],
  ReportProgress: ['rectifying'],
  ReportRectified: ['rectifying'],
  VerifyCase: ['reported', 'verifying'],
  RequestReverification: ['resolved', 'closed'],
  ExtendDeadline: ['assigned', 'acknowledged', 'rectifying'],
  MarkOverdue: ['assigned', 'acknowledged', 'rectifying'],
  RequestLookBack: ['resolved', 'closed'],
  RecordAccountability: ['registered', 'assigned', 'acknowledged', 'rectifying', 'reported', 'verifying', 'resolved', 'closed'],
  PublishBulletin: ['assigned', 'acknowledged', 'rectifying', 'reported', 'verifying', 'resolved', 'closed'],
  CloseCase: ['resolved'],
  ReopenCase: ['resolved', 'closed'],
  DismissCase: ['registered', 'assigned', 'acknowledged', 'rectifying', 'reported', 'verifying'],
  MergeCase: ['registered', 'assigned', 'acknowledged', 'rectifying', 'reported', 'verifying'],
};

const stateOf = (events: CaseEvent[]) => given(...events) as OpenedCase;
const then = (events: CaseEvent[], command: CaseCommand) => {
  const produced = decide(command, given(...events));
  return { produced, state: stateOf([...events, ...produced]) };
};

describe('case lifecycle: every command refused outside its states with a 409 naming the state', () => {
  for (const [type, command] of Object.entries(commands) as [keyof typeof commands, CaseCommand][]) {
    for (const status of statuses.filter((s) => !allowed[type].includes(s))) {
      it(`${type} is refused while ${status}`, () => {
        expect(() => decide(command, given(...upTo[status]))).toThrow(
          expect.objectContaining({ code: 'CASE.TRANSITION_NOT_ALLOWED', httpStatus: 409, message: expect.stringContaining(`while the case is ${status}`) }),
        );
      });
    }
    it(`${type} on a case that does not exist is a 404`, () => {
      expect(() => decide(command, initialCaseState())).toThrow(expect.objectContaining({ code: 'CASE.NOT_FOUND', httpStatus: 404 }));
    });
  }
});

describe('case lifecycle: transitions (given events / when command / then events)', () => {
  it('acknowledging moves assigned → acknowledged', () => {
    const { produced, state } = then(upTo.assigned, commands.AcknowledgeCase);
    expect(produced).toEqual([{ type: 'CaseAcknowledged', data: { caseId, acknowledgedBy: deptA.id } }]);
    expect(state.status).toBe('acknowledged');
  });

  it('re-assigning an assigned case replaces the responsible person and deadline', () => {
    const { state } = then(upTo.assigned, commands.AssignCase);
    expect(state).toMatchObject({ status: 'assigned', deadline: '2026-04-01T00:00:00.000Z' });
  });

  it('submitting measures moves acknowledged → rectifying and keeps each measure with owner and due date', () => {
    const { produced, state } = then(upTo.acknowledged, commands.SubmitMeasures);
    expect(produced).toEqual([measures]);
    expect(state).toMatchObject({ status: 'rectifying', measures: [measure] });
  });

  it('more measures while rectifying are added to the list', () => {
    expect(then(upTo.rectifying, commands.SubmitMeasures).state.measures).toHaveLength(2);
  });

  it('progress is recorded without changing the state', () => {
    const { produced, state } = then(upTo.rectifying, commands.ReportProgress);
    expect(produced).toEqual([{ type: 'ProgressReported', data: { caseId, note: 'half done' } }]);
    expect(state).toMatchObject({ status: 'rectifying', progressNotes: 1 });
  });

  it('reporting completion requests independent verification at once: rectifying → reported → verifying', () => {
    const { produced, state } = then(upTo.rectifying, commands.ReportRectified);
    expect(produced).toEqual(reported);
    expect(state.status).toBe('verifying');
  });

  it('the evidence requested follows the source: a follow-up poll for an evaluation breach', () => {
    const breach = { ...opened, data: { ...opened.data, source: { kind: 'evaluation_breach' as const, ref: 'c:u' } } } as CaseEvent;
    const { produced } = then([breach, assigned, acknowledged, measures], commands.ReportRectified);
    expect(produced[1]).toMatchObject({ type: 'VerificationRequested', data: { purpose: 'verification', basis: 'follow_up_poll' } });
  });

  it('a passed verification resolves the case and schedules a look-back 90 days later', () => {
    const { produced, state } = then(upTo.verifying, commands.VerifyCase);
    expect(produced).toEqual(resolved.map((e) => (e.type === 'LookBackScheduled' ? { ...e, data: { caseId, lookBackAt: '2026-05-30T08:00:00.000Z' } } : e)));
    expect(state).toMatchObject({ status: 'resolved', lookBackAt: '2026-05-30T08:00:00.000Z' });
  });

  it('an inspector may verify straight from reported', () => {
    expect(then(upTo.reported, commands.VerifyCase).state.status).toBe('resolved');
  });

  it('a failed verification returns the case to rectifying and counts the return', () => {
    const failed = { ...commands.VerifyCase, data: { ...(commands.VerifyCase.data as object), outcome: 'failed' } } as CaseCommand;
    const { produced, state } = then(upTo.verifying, failed);
    expect(produced).toEqual([failedOnce]);
    expect(state).toMatchObject({ status: 'rectifying', returnCount: 1, escalated: false });
  });

  it('the second failed verification escalates to the superior unit and the commission', () => {
    const failed = { ...commands.VerifyCase, data: { ...(commands.VerifyCase.data as object), outcome: 'failed' } } as CaseCommand;
    const { produced, state } = then([...upTo.verifying, failedOnce, reported[0], reported[1]], failed);
    expect(produced).toEqual([
      { type: 'VerificationFailed', data: { ...verdict, returnCount: 2 } },
      { type: 'CaseEscalated', data: { caseId, reason: 'repeated_verification_failure', unitId: 'unit-a', responsibleUnitId: 'unit-a', to: ['superior_unit', 'commission'] } },
    ]);
    expect(state).toMatchObject({ status: 'rectifying', returnCount: 2, escalated: true });
  });

  it('refuses a verifier from the responsible unit with 403', () => {
    const own = { ...commands.VerifyCase, data: { ...(commands.VerifyCase.data as object), verifier: deptA } } as CaseCommand;
    expect(() => decide(own, given(...upTo.verifying))).toThrow(expect.objectContaining({ code: 'CASE.VERIFIER_NOT_INDEPENDENT', httpStatus: 403 }));
  });

  it('refuses a verifier from the responsible unit before looking at the state (403, not 409)', () => {
    const own = { ...commands.VerifyCase, data: { ...(commands.VerifyCase.data as object), verifier: deptA } } as CaseCommand;
    expect(() => decide(own, given(...upTo.assigned))).toThrow(expect.objectContaining({ code: 'CASE.VERIFIER_NOT_INDEPENDENT', httpStatus: 403 }));
  });

  it('extending the deadline records the reason and the previous deadline', () => {
    const { produced, state } = then(upTo.rectifying, commands.ExtendDeadline);
    expect(produced).toEqual([{ type: 'DeadlineExtended', data: { caseId, previousDeadline: '2026-03-31T00:00:00.000Z', deadline: '2026-04-30T00:00:00.000Z', reason: 'flood' } }]);
    expect(state.deadline).toBe('2026-04-30T00:00:00.000Z');
  });

  it('refuses an extension that is not later than the current deadline', () => {
    const shorter = { ...commands.ExtendDeadline, data: { deadline: '2026-03-15T00:00:00.000Z', reason: 'x' } } as CaseCommand;
    expect(() => decide(shorter, given(...upTo.rectifying))).toThrow(expect.objectContaining({ code: 'CASE.DEADLINE_NOT_LATER', httpStatus: 400 }));
  });

  it('refuses an extension to a date already past by the command clock', () => {
    const past = { ...commands.ExtendDeadline, data: { deadline: '2026-04-30T00:00:00.000Z', reason: 'x' }, metadata: { now: '2026-05-01T00:00:00.000Z' } } as CaseCommand;
    expect(() => decide(past, given(...upTo.rectifying))).toThrow(expect.objectContaining({ code: 'CASE.DEADLINE_IN_PAST' }));
  });

  it('a passed deadline marks the case overdue and escalates it', () => {
    const { produced, state } = then(upTo.acknowledged, commands.MarkOverdue);
    expect(produced.map((e) => e.type)).toEqual(['CaseOverdue', 'CaseEscalated']);
    expect(produced[1]).toMatchObject({ data: { reason: 'overdue' } });
    expect(state).toMatchObject({ overdue: true, escalated: true });
  });

  it('marking overdue twice writes nothing the second time', () => {
    const { produced } = then(upTo.acknowledged, commands.MarkOverdue);
    expect(decide(commands.MarkOverdue, given(...upTo.acknowledged, ...produced))).toEqual([]);
  });

  it('an overdue case already escalated is not escalated again', () => {
    const extended: CaseEvent = { type: 'DeadlineExtended', data: { caseId, previousDeadline: '2026-03-31T00:00:00.000Z', deadline: '2026-04-30T00:00:00.000Z', reason: 'x' } };
    const first = decide(commands.MarkOverdue, given(...upTo.rectifying));
    const later = { ...commands.MarkOverdue, metadata: { now: '2026-05-01T00:00:00.000Z' } } as CaseCommand;
    expect(decide(later, given(...upTo.rectifying, ...first, extended)).map((e) => e.type)).toEqual(['CaseOverdue']);
  });

  it('refuses to mark overdue before the deadline', () => {
    const early = { ...commands.MarkOverdue, metadata: { now } } as CaseCommand;
    expect(() => decide(early, given(...upTo.assigned))).toThrow(expect.objectContaining({ code: 'CASE.NOT_DUE' }));
  });

  it('a due look-back asks for an unannounced re-inspection once', () => {
    const { produced } = then(upTo.closed, commands.RequestLookBack);
    expect(produced).toEqual([{ type: 'VerificationRequested', data: { caseId, unitId: 'unit-a', responsibleUnitId: 'unit-a', category: 'DISCIPLINE_LAXITY', purpose: 'look_back', basis: 're_inspection' } }]);
    expect(stateOf([...upTo.closed, ...produced]).status).toBe('closed');
    expect(decide(commands.RequestLookBack, given(...upTo.closed, ...produced))).toEqual([]);
  });

  it('refuses a look-back before its date', () => {
    const early = { ...commands.RequestLookBack, metadata: { now } } as CaseCommand;
    expect(() => decide(early, given(...upTo.resolved))).toThrow(expect.objectContaining({ code: 'CASE.NOT_DUE' }));
  });

  it('accountability is recorded per cadre', () => {
    const { produced, state } = then(upTo.resolved, commands.RecordAccountability);
    expect(produced).toEqual([{ type: 'AccountabilityRecorded', data: { caseId, cadreId: 'cadre-1', measure: 'admonishment_talk', note: 'talk held' } }]);
    expect(state.accountability).toEqual([{ cadreId: 'cadre-1', measure: 'admonishment_talk', note: 'talk held' }]);
  });

  it('closing moves resolved → closed', () => {
    expect(then(upTo.resolved, commands.CloseCase).state.status).toBe('closed');
  });

  it('a reopened case goes back to rectifying with a new deadline and counts the reopening', () => {
    const { produced, state } = then(upTo.closed, commands.ReopenCase);
    expect(produced).toEqual([{ type: 'CaseReopened', data: { caseId, reason: 'look-back found it again', reopenCount: 1, deadline: '2026-04-01T00:00:00.000Z' } }]);
    expect(state).toMatchObject({ status: 'rectifying', reopenCount: 1, lookBackAt: null, deadline: '2026-04-01T00:00:00.000Z' });
  });

  it('a reporter saying "not solved" sends a resolved case back to verifying', () => {
    const { produced, state } = then(upTo.resolved, commands.RequestReverification);
    expect(produced[0]).toMatchObject({ type: 'VerificationRequested', data: { purpose: 'verification', basis: 'reporter_feedback' } });
    expect(state.status).toBe('verifying');
  });

  it('dismissing keeps the reason', () => {
    expect(then(upTo.rectifying, commands.DismissCase).state).toMatchObject({ status: 'dismissed', dismissReason: 'unfounded' });
  });

  it('merging names the case it joins', () => {
    expect(then(upTo.reported, commands.MergeCase).state).toMatchObject({ status: 'merged', mergedInto: 'other' });
  });

  it('refuses a merge into itself or into a case that is not open', () => {
    const self = { ...commands.MergeCase, data: { intoCaseId: caseId, into: { status: 'assigned' } } } as CaseCommand;
    const closedTarget = { ...commands.MergeCase, data: { intoCaseId: 'other', into: { status: 'closed' } } } as CaseCommand;
    expect(() => decide(self, given(...upTo.assigned))).toThrow(expect.objectContaining({ code: 'CASE.MERGE_TARGET_INVALID' }));
    expect(() => decide(closedTarget, given(...upTo.assigned))).toThrow(expect.objectContaining({ code: 'CASE.MERGE_TARGET_INVALID', httpStatus: 409 }));
  });

  it('evolve takes the time of each event from the event, never the clock', () => {
    const state = evolve(given(...upTo.assigned), acknowledged, '2026-03-02T00:00:00.000Z') as OpenedCase;
    expect(state.updatedAt).toBe('2026-03-02T00:00:00.000Z');
  });
});
