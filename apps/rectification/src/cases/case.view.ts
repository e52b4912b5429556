import type { OpenedCase } from './domain/case.state';

/** The case resource of DESIGN §6, from its folded state. */
export function caseView(state: OpenedCase, version: number) {
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
    responsibleUnitId: state.responsibleUnitId,
    responsiblePerson: state.responsiblePerson,
    deadline: state.deadline,
    overdue: state.overdue,
    escalated: state.escalated,
    returnCount: state.returnCount,
    reopenCount: state.reopenCount,
    measures: state.measures,
    progressNotes: state.progressNotes,
    completionSummary: state.completionSummary,
    verifications: state.verifications,
    accountability: state.accountability,
    lookBackAt: state.lookBackAt,
    dismissReason: state.dismissReason,
    mergedInto: state.mergedInto,
    version,
    openedAt: state.openedAt,
    updatedAt: state.updatedAt,
  };
}

export type CaseView = ReturnType<typeof caseView>;
