import type { Role } from './api/types';

export interface NavItem {
  to: string;
  label: string;
}

/** What each role works on (DESIGN §1); the first entry is the role's home page. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  inspector: [
    { to: '/cases', label: 'Cases' },
    { to: '/inspections', label: 'Inspections' },
    { to: '/spot-checks', label: 'Spot checks' },
    { to: '/campaigns', label: 'Evaluations' },
    { to: '/reports', label: 'Public reports' },
    { to: '/notices', label: 'Notices' },
    { to: '/overview', label: 'Overview' },
  ],
  department: [
    { to: '/notices', label: 'Inbox' },
    { to: '/cases', label: 'Our cases' },
  ],
  analyst: [
    { to: '/overview', label: 'Overview' },
    { to: '/cases', label: 'Cases' },
    { to: '/replay', label: 'Replay' },
  ],
  admin: [
    { to: '/admin/units', label: 'Units' },
    { to: '/admin/users', label: 'Users' },
    { to: '/admin/settings', label: 'Time limits & thresholds' },
    { to: '/cases', label: 'Cases' },
    { to: '/overview', label: 'Overview' },
  ],
};

export const homeOf = (role: Role): string => NAVIGATION[role][0].to;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  inspector: 'Inspector',
  department: 'Department',
  analyst: 'Analyst',
};
