import type { AuthUser } from '@rectify/auth';

/** Departments see only cases of their own unit (opened against it or assigned to it). */
export function canSeeCase(user: AuthUser, unitIds: { unitId: string; responsibleUnitId?: string | null }): boolean {
  if (user.role !== 'department') return true;
  return user.unitId !== null && (unitIds.unitId === user.unitId || unitIds.responsibleUnitId === user.unitId);
}
