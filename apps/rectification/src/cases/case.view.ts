import type { CaseState } from './domain/case.state';

/** The case resource of DESIGN §6, from its folded state. */
export function caseView(state: Exclude<CaseState, { status: 'none' }>, version: number) {
  const assigned = state.status === 'assigned' ? state : undefined;
  return {
    id: state.id,
    unitId: state.unitId,
    category: state.category,
    title: state.title,
    description: state.description,
    severity: state.severity,
    status: state.status,
    source: state.source,
    cadreIds: state.cadreIds,
    responsibleUnitId: assigned?.responsibleUnitId ?? null,
    responsiblePerson: assigned?.responsiblePerson ?? null,
    deadline: assigned?.deadline ?? null,
    overdue: false,
    escalated: false,
    returnCount: 0,
    measures: [],
    version,
    openedAt: state.openedAt,
    updatedAt: state.updatedAt,
  };
}

export type CaseView = ReturnType<typeof caseView>;
