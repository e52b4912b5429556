export const ROLES = ['admin', 'inspector', 'department', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The caller, as established from a verified token. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  /** The unit a department user belongs to; null for commission staff. */
  unitId: string | null;
}

/** The `actor` that goes on every command and event. */
export interface UserActor {
  id: string;
  role: Role;
  unitId: string | null;
}

export function toActor(user: AuthUser): UserActor {
  return { id: user.id, role: user.role, unitId: user.unitId };
}
