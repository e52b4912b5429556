import type { PlanEvent } from './plan.events';
import type { PlanState } from './plan.state';

export function evolve(state: PlanState, event: PlanEvent, occurredAt: string): PlanState {
  switch (event.type) {
    case 'InspectionPlanned':
      return { ...event.data, status: 'planned', visitedUnitIds: [], disclosedUnitIds: [], plannedAt: occurredAt };
    case 'VisitRecorded': {
      if (state.status === 'none') return state;
      const visitedUnitIds = [...state.visitedUnitIds, event.data.unitId];
      const done = state.targetUnitIds.every((id) => visitedUnitIds.includes(id));
      return { ...state, visitedUnitIds, status: done ? 'completed' : 'planned' };
    }
    case 'InspectionDisclosed':
      if (state.status === 'none') return state;
      return { ...state, disclosedUnitIds: [...state.disclosedUnitIds, event.data.unitId] };
    default: {
      const unknown: never = event;
      throw new Error(`unknown plan event ${(unknown as { type: string }).type}`);
    }
  }
}
