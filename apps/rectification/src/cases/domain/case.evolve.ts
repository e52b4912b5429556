import type { CaseEvent } from './case.events';
import type { CaseState } from './case.state';

/** Pure: the state after `event`. `at` is the event's occurredAt (ISO), never the clock. */
export function evolve(state: CaseState, event: CaseEvent, at: string): CaseState {
  switch (event.type) {
    case 'CaseOpened': {
      const { caseId, ...facts } = event.data;
      return { status: 'registered', id: caseId, ...facts, openedAt: at, updatedAt: at };
    }
    case 'CaseAssigned': {
      if (state.status === 'none') return state;
      const { responsibleUnitId, responsiblePerson, deadline } = event.data;
      return { ...state, status: 'assigned', responsibleUnitId, responsiblePerson, deadline, updatedAt: at };
    }
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
