import { decideCompletion, evolveReinspection, initialReinspectionState, type ReinspectionState } from './reinspection';

const requested = evolveReinspection(initialReinspectionState(), {
  type: 'ReinspectionRequested',
  data: {
    reinspectionId: '66666666-6666-4666-8666-666666666666',
    caseId: '77777777-7777-4777-8777-777777777777',
    unitId: 'unit-a',
    responsibleUnitId: 'unit-a',
    category: 'DISCIPLINE_LAXITY',
    purpose: 'verification',
    mode: 'unannounced',
  },
});
const complete = (inspector: { id: string; unitId: string | null }, state: ReinspectionState = requested) =>
  decideCompletion({ reinspectionId: '66666666-6666-4666-8666-666666666666', outcome: 'persists', note: 'still unstaffed', inspector }, state);

describe('re-inspection result', () => {
  it('publishes ReinspectionCompleted with the case, outcome and re-inspector', () => {
    const [event] = complete({ id: 'insp-1', unitId: null });
    expect(event).toEqual({
      type: 'ReinspectionCompleted',
      data: expect.objectContaining({ caseId: '77777777-7777-4777-8777-777777777777', outcome: 'persists', purpose: 'verification', inspectorId: 'insp-1', inspectorUnitId: null }),
    });
  });

  it('refuses a re-inspector from the responsible unit', () => {
    expect(() => complete({ id: 'dept-a', unitId: 'unit-a' })).toThrow(expect.objectContaining({ code: 'REINSPECTION.INSPECTOR_NOT_INDEPENDENT', httpStatus: 403 }));
  });

  it('refuses a second result', () => {
    const done = evolveReinspection(requested, complete({ id: 'insp-1', unitId: null })[0]);
    expect(() => complete({ id: 'insp-1', unitId: null }, done)).toThrow(expect.objectContaining({ code: 'REINSPECTION.ALREADY_COMPLETED' }));
  });
});
