import type { Role } from '@rectify/auth';

/** DESIGN §7: the org directory a fresh installation starts with. */
export const DEMO_UNITS: ReadonlyArray<{ id: string; name: string; parentId: string | null }> = [
  { id: 'county', name: 'County Government', parentId: null },
  { id: 'unit-a', name: 'County Transport Bureau', parentId: 'county' },
  { id: 'unit-b', name: 'Township A Government', parentId: 'county' },
  // A county bureau, so the county government is its superior (escalations go there).
  { id: 'unit-c', name: 'County Market Supervision Bureau', parentId: 'county' },
];

export const DEMO_USERS: ReadonlyArray<{ username: string; role: Role; unitId: string | null }> = [
  { username: 'admin', role: 'admin', unitId: null },
  { username: 'inspector', role: 'inspector', unitId: null },
  { username: 'inspector2', role: 'inspector', unitId: null },
  { username: 'analyst', role: 'analyst', unitId: null },
  { username: 'dept-a', role: 'department', unitId: 'unit-a' },
  { username: 'dept-b', role: 'department', unitId: 'unit-b' },
  { username: 'dept-county', role: 'department', unitId: 'county' },
];
