import type { InspectionPlannedData } from './plan.events';

export type PlanState =
  | { status: 'none' }
  | (InspectionPlannedData & {
      status: 'planned' | 'completed';
      visitedUnitIds: string[];
      /** Units an unannounced plan has been disclosed to (after their visit). */
      disclosedUnitIds: string[];
      plannedAt: string;
    });

export type ExistingPlan = Exclude<PlanState, { status: 'none' }>;

export const initialPlanState = (): PlanState => ({ status: 'none' });

/** Sealed: unannounced and not yet visited everywhere. Only its team and admins may read it. */
export function isSealed(plan: ExistingPlan): boolean {
  return plan.mode === 'unannounced' && plan.status !== 'completed';
}
