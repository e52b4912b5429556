import type { ReinspectionCompletedV1, ReinspectionOutcome, ReinspectionRequestedV1 } from '@rectify/contracts';

export type ReinspectionEvent =
  | { type: 'ReinspectionRequested'; data: ReinspectionRequestedV1 }
  | { type: 'ReinspectionCompleted'; data: ReinspectionCompletedV1 };

export type ReinspectionState =
  | { status: 'none' }
  | (ReinspectionRequestedV1 & { status: 'requested' })
  | (ReinspectionRequestedV1 & { status: 'completed'; outcome: ReinspectionOutcome });

export const initialReinspectionState = (): ReinspectionState => ({ status: 'none' });

export class ReinspectionError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
    this.name = 'ReinspectionError';
  }

  static notFound = (id: string) => new ReinspectionError('REINSPECTION.NOT_FOUND', 404, `re-inspection ${id} does not exist`);
  static alreadyCompleted = () => new ReinspectionError('REINSPECTION.ALREADY_COMPLETED', 409, 'this re-inspection already has a result');
  static notIndependent = () =>
    new ReinspectionError('REINSPECTION.INSPECTOR_NOT_INDEPENDENT', 403, 'the re-inspector may not belong to the responsible or inspected unit');
}

export interface CompleteReinspection {
  reinspectionId: string;
  outcome: ReinspectionOutcome;
  note: string;
  evidence?: string[];
  inspector: { id: string; unitId: string | null };
}

export function decideCompletion(command: CompleteReinspection, state: ReinspectionState): ReinspectionEvent[] {
  switch (state.status) {
    case 'none':
      throw ReinspectionError.notFound(command.reinspectionId);
    case 'completed':
      throw ReinspectionError.alreadyCompleted();
    case 'requested': {
      const unit = command.inspector.unitId;
      if (unit && (unit === state.responsibleUnitId || unit === state.unitId)) throw ReinspectionError.notIndependent();
      return [{
        type: 'ReinspectionCompleted',
        data: {
          reinspectionId: state.reinspectionId,
          caseId: state.caseId,
          unitId: state.unitId,
          outcome: command.outcome,
          purpose: state.purpose,
          note: command.note,
          ...(command.evidence ? { evidence: command.evidence } : {}),
          inspectorId: command.inspector.id,
          inspectorUnitId: unit,
        },
      }];
    }
    default: {
      const unknown: never = state;
      throw new Error(`unknown state ${(unknown as { status: string }).status}`);
    }
  }
}

export function evolveReinspection(state: ReinspectionState, event: ReinspectionEvent): ReinspectionState {
  switch (event.type) {
    case 'ReinspectionRequested':
      return { ...event.data, status: 'requested' };
    case 'ReinspectionCompleted':
      return state.status === 'none' ? state : { ...state, status: 'completed', outcome: event.data.outcome };
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${(unknown as { type: string }).type}`);
    }
  }
}
