import type { AssignCase, OpenCase } from './case.commands';
import { decide } from './case.decide';
import type { CaseEvent } from './case.events';
import { evolve } from './case.evolve';
import { type CaseState, initialCaseState } from './case.state';

const now = '2026-03-01T08:00:00.000Z';
const open: OpenCase = {
  type: 'OpenCase',
  data: {
    caseId: '6f1c1f7e-51a4-4a39-9d0b-1a2b3c4d5e6f',
    unitId: 'unit-a',
    category: 'DISCIPLINE_LAXITY',
    title: 'Window 3 unstaffed at 09:10',
    description: 'Nobody at the service window on arrival',
    severity: 'general',
    source: { kind: 'inspection_finding', ref: 'finding-1' },
    cadreIds: [],
  },
  metadata: { now },
};
const assign = (deadline: string): AssignCase => ({
  type: 'AssignCase',
  data: { responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang', deadline },
  metadata: { now },
});
const given = (...events: CaseEvent[]): CaseState => events.reduce((s, e) => evolve(s, e, now), initialCaseState());

describe('case decide/evolve', () => {
  it('opens a registered case from a source', () => {
    const events = decide(open, initialCaseState());
    expect(events).toEqual([{ type: 'CaseOpened', data: open.data }]);
    expect(given(...events)).toMatchObject({ status: 'registered', unitId: 'unit-a', source: { ref: 'finding-1' } });
  });

  it('refuses to open a case twice', () => {
    expect(() => decide(open, given(...decide(open, initialCaseState())))).toThrow(expect.objectContaining({ code: 'CASE.ALREADY_OPEN' }));
  });

  it('assigns a registered case with a deadline', () => {
    const state = given(...decide(open, initialCaseState()));
    const events = decide(assign('2026-03-31T00:00:00.000Z'), state);
    expect(events).toEqual([{ type: 'CaseAssigned', data: { caseId: open.data.caseId, responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang', deadline: '2026-03-31T00:00:00.000Z' } }]);
    expect(given(...decide(open, initialCaseState()), ...events)).toMatchObject({ status: 'assigned', deadline: '2026-03-31T00:00:00.000Z' });
  });

  it('refuses a deadline that has already passed by the command clock', () => {
    const state = given(...decide(open, initialCaseState()));
    expect(() => decide(assign('2026-02-28T00:00:00.000Z'), state)).toThrow(expect.objectContaining({ code: 'CASE.DEADLINE_IN_PAST' }));
  });

  it('refuses to assign a case that does not exist', () => {
    expect(() => decide(assign('2026-03-31T00:00:00.000Z'), initialCaseState())).toThrow(expect.objectContaining({ httpStatus: 404 }));
  });
});
