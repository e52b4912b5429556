import { type ExistingPlan, isSealed } from './plan.state';

export interface Viewer {
  id: string;
  role: string;
  unitId: string | null;
}

export type PlanView = ReturnType<typeof toPlanView>;

/**
 * Who may read a plan, and how much. A sealed plan is readable by its team and admins only;
 * everybody else is told it does not exist (404, not 403: existence itself is secret). A
 * department sees a plan once it is announced to it or disclosed to it after its visit, and
 * then only its own unit among the targets.
 */
export function viewOf(plan: ExistingPlan, viewer: Viewer): PlanView | null {
  const sealed = isSealed(plan);
  if (viewer.role === 'admin' || plan.team.includes(viewer.id)) return toPlanView(plan);
  if (viewer.role === 'department') {
    const unit = viewer.unitId;
    if (!unit || !plan.targetUnitIds.includes(unit)) return null;
    if (plan.mode === 'unannounced' && !plan.disclosedUnitIds.includes(unit)) return null;
    const view = toPlanView(plan);
    return { ...view, targetUnitIds: [unit], visitedUnitIds: view.visitedUnitIds.filter((id) => id === unit), team: [] };
  }
  return sealed ? null : toPlanView(plan);
}

function toPlanView(plan: ExistingPlan) {
  return {
    id: plan.planId,
    title: plan.title,
    mode: plan.mode,
    scope: plan.scope,
    sealed: isSealed(plan),
    status: plan.status,
    targetUnitIds: plan.targetUnitIds,
    window: plan.window,
    team: plan.team,
    checklist: plan.checklist,
    visitedUnitIds: plan.visitedUnitIds,
    plannedAt: plan.plannedAt,
  };
}
