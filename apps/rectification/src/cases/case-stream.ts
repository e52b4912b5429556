import type { Reducer, StreamEvent } from '@rectify/event-store';
import type { CaseEvent } from './domain/case.events';
import { evolve } from './domain/case.evolve';
import { type CaseState, initialCaseState } from './domain/case.state';

export const caseStreamId = (caseId: string): string => `case-${caseId}`;

/** The case fold over stored events; bump `version` whenever evolve or the state shape changes. */
export const caseReducer: Reducer<CaseState> = {
  name: 'case',
  version: 2,
  initialState: initialCaseState,
  evolve: (state: CaseState, event: StreamEvent) =>
    evolve(state, { type: event.type, data: event.data } as CaseEvent, event.occurredAt.toISOString()),
};
