import type { PlanInspection, RecordVisit } from './plan.commands';
import { decide } from './plan.decide';
import { viewOf } from './plan-access';
import type { PlanEvent } from './plan.events';
import { evolve } from './plan.evolve';
import { type ExistingPlan, initialPlanState, isSealed, type PlanState } from './plan.state';

const now = new Date('2026-03-02T08:00:00Z');
const planId = '11111111-1111-4111-8111-111111111111';

const planCommand = (overrides: Partial<PlanInspection> = {}): PlanInspection => ({
  type: 'PlanInspection',
  planId,
  title: 'Service windows, March',
  mode: 'unannounced',
  scope: 'spot',
  targetUnitIds: ['unit-a', 'unit-b'],
  window: { from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z' },
  team: ['insp-1', 'insp-2'],
  checklist: ['DISCIPLINE_LAXITY', 'SERVICE_ATTITUDE'],
  knownUnitIds: new Set(['county', 'unit-a', 'unit-b', 'unit-c']),
  now,
  ...overrides,
});

const visitCommand = (overrides: Partial<RecordVisit> = {}): RecordVisit => ({
  type: 'RecordVisit',
  planId,
  visitId: '22222222-2222-4222-8222-222222222222',
  unitId: 'unit-a',
  arrivedAt: '2026-03-02T07:10:00Z',
  recordedBy: 'insp-1',
  inspectorIds: ['insp-2'],
  onArrival: { staffPresent: 2, staffAbsent: 1 },
  observations: [
    { category: 'DISCIPLINE_LAXITY', compliant: false, note: 'window 3 unstaffed' },
    { category: 'SERVICE_ATTITUDE', compliant: true },
  ],
  findingIds: ['33333333-3333-4333-8333-333333333333', '44444444-4444-4444-8444-444444444444'],
  now,
  ...overrides,
});

const fold = (events: PlanEvent[], state: PlanState = initialPlanState()) => events.reduce((s, e) => evolve(s, e, now.toISOString()), state);
const planned = (overrides: Partial<PlanInspection> = {}) => fold(decide(planCommand(overrides), initialPlanState())) as ExistingPlan;

describe('planning an inspection', () => {
  it('records the full sealed details in InspectionPlanned', () => {
    const [event] = decide(planCommand(), initialPlanState());
    expect(event).toMatchObject({ type: 'InspectionPlanned', data: { planId, mode: 'unannounced', targetUnitIds: ['unit-a', 'unit-b'], team: ['insp-1', 'insp-2'] } });
  });

  it('refuses a window whose end is not after its start', () => {
    expect(() => decide(planCommand({ window: { from: '2026-03-05T00:00:00Z', to: '2026-03-05T00:00:00Z' } }), initialPlanState())).toThrow(
      expect.objectContaining({ code: 'PLAN.WINDOW_NOT_ORDERED', field: 'window.to' }),
    );
  });

  it('refuses a window that is already over', () => {
    expect(() => decide(planCommand({ window: { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } }), initialPlanState())).toThrow(
      expect.objectContaining({ code: 'PLAN.WINDOW_OVER' }),
    );
  });

  it('refuses a target unit that does not exist', () => {
    expect(() => decide(planCommand({ targetUnitIds: ['unit-a', 'unit-z'] }), initialPlanState())).toThrow(
      expect.objectContaining({ code: 'PLAN.UNKNOWN_UNIT', field: 'targetUnitIds' }),
    );
  });

  it('refuses to plan the same plan twice', () => {
    expect(() => decide(planCommand(), planned())).toThrow(expect.objectContaining({ code: 'PLAN.ALREADY_EXISTS' }));
  });
});

describe('recording a visit', () => {
  it('records the visit, one finding per non-compliant item, and discloses an unannounced plan to the unit', () => {
    const { events, findings } = decide(visitCommand(), planned());
    expect(events.map((e) => e.type)).toEqual(['VisitRecorded', 'InspectionDisclosed']);
    expect(events[0].data).toMatchObject({ unitId: 'unit-a', mode: 'unannounced', scope: 'spot', compliantCount: 1, inspectorIds: ['insp-1', 'insp-2'] });
    expect(findings).toEqual([expect.objectContaining({ findingId: '33333333-3333-4333-8333-333333333333', unitId: 'unit-a', category: 'DISCIPLINE_LAXITY', source: 'spot_check_finding', planId })]);
  });

  it('does not disclose an announced plan (it was never sealed)', () => {
    const { events } = decide(visitCommand(), planned({ mode: 'announced', scope: 'comprehensive' }));
    expect(events.map((e) => e.type)).toEqual(['VisitRecorded']);
  });

  it.each([
    ['by someone not on the team', { recordedBy: 'insp-9' }, 'VISIT.NOT_ON_TEAM'],
    ['to a unit not targeted', { unitId: 'unit-c' }, 'VISIT.UNIT_NOT_TARGETED'],
    ['before the window', { arrivedAt: '2026-02-28T23:59:00Z' }, 'VISIT.OUTSIDE_WINDOW'],
    ['arriving in the future', { arrivedAt: '2026-03-03T00:00:00Z' }, 'VISIT.ARRIVAL_IN_FUTURE'],
    ['with an item not on the checklist', { observations: [{ category: 'EXTRAVAGANCE' as const, compliant: true }] }, 'VISIT.CATEGORY_NOT_ON_CHECKLIST'],
  ])('refuses a visit %s', (_name, overrides, code) => {
    expect(() => decide(visitCommand(overrides), planned())).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a visit to a plan that does not exist', () => {
    expect(() => decide(visitCommand(), initialPlanState())).toThrow(expect.objectContaining({ code: 'PLAN.NOT_FOUND', httpStatus: 404 }));
  });

  it('refuses a second visit to the same unit', () => {
    const plan = planned();
    const afterVisit = fold(decide(visitCommand(), plan).events, plan);
    expect(() => decide(visitCommand(), afterVisit)).toThrow(expect.objectContaining({ code: 'VISIT.ALREADY_VISITED' }));
  });

  it('unseals the plan once every target has been visited', () => {
    let plan: PlanState = planned();
    plan = fold(decide(visitCommand(), plan as ExistingPlan).events, plan);
    expect(isSealed(plan as ExistingPlan)).toBe(true);
    plan = fold(decide(visitCommand({ unitId: 'unit-b' }), plan as ExistingPlan).events, plan);
    expect(isSealed(plan as ExistingPlan)).toBe(false);
  });
});

describe('who may read a plan', () => {
  const dept = (unitId: string) => ({ id: `dept-${unitId}`, role: 'department', unitId });

  it('shows a sealed plan to its team and admins only', () => {
    const plan = planned();
    expect(viewOf(plan, { id: 'insp-1', role: 'inspector', unitId: null })).not.toBeNull();
    expect(viewOf(plan, { id: 'admin-1', role: 'admin', unitId: null })).not.toBeNull();
    expect(viewOf(plan, { id: 'insp-9', role: 'inspector', unitId: null })).toBeNull();
    expect(viewOf(plan, { id: 'an-1', role: 'analyst', unitId: null })).toBeNull();
    expect(viewOf(plan, dept('unit-a'))).toBeNull();
  });

  it('shows a disclosed plan to the visited unit only, with only that unit as target', () => {
    const plan = fold(decide(visitCommand(), planned()).events, planned()) as ExistingPlan;
    expect(viewOf(plan, dept('unit-a'))).toMatchObject({ targetUnitIds: ['unit-a'], team: [] });
    expect(viewOf(plan, dept('unit-b'))).toBeNull();
  });
});
