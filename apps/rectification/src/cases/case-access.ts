import type { AuthUser } from '@rectify/auth';
import { CaseError } from './domain/case.errors';
import type { CaseState } from './domain/case.state';

/** Departments see only cases of their own unit (opened against it or assigned to it). */
export function canSeeCase(user: AuthUser, unitIds: { unitId: string; responsibleUnitId?: string | null }): boolean {
  if (user.role !== 'department') return true;
  return user.unitId !== null && (unitIds.unitId === user.unitId || unitIds.responsibleUnitId === user.unitId);
}

/** A command on a case the caller may not see is a 404: a department learns nothing of other units' cases. */
export const mayActOn = (user: AuthUser, caseId: string) => (state: CaseState): void => {
  if (state.status === 'none' || !canSeeCase(user, state)) throw CaseError.notFound(caseId);
};
