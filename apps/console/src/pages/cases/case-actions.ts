import type { Role } from '../../api/types';
import { ACCOUNTABILITY_MEASURES, BASIS_LABELS, humanize, OPEN_STATUSES, VERIFICATION_BASES } from '../../vocabulary';

export type ActionField =
  | { name: string; label: string; kind: 'text' | 'textarea' | 'datetime'; optional?: boolean; hint?: string }
  | { name: string; label: string; kind: 'select'; options: { value: string; label: string }[]; optional?: boolean; hint?: string }
  | { name: string; label: string; kind: 'unit'; optional?: boolean; hint?: string }
  | { name: 'measures'; label: string; kind: 'measures' };

export interface CaseAction {
  /** The command's path segment: POST /api/cases/:id/<command>. */
  command: string;
  label: string;
  roles: readonly Role[];
  /** The states the service accepts it in (rectification's case.decide.ts). */
  from: readonly string[];
  fields: ActionField[];
  tone?: 'primary' | 'danger';
}

const COMMISSION: readonly Role[] = ['inspector', 'admin'];
const WITH_DEPARTMENT: readonly Role[] = ['department', 'inspector', 'admin'];
const ACTIVE = ['assigned', 'acknowledged', 'rectifying'];
const ESTABLISHED = ['assigned', 'acknowledged', 'rectifying', 'reported', 'verifying', 'resolved', 'closed'];

export const CASE_ACTIONS: CaseAction[] = [
  {
    command: 'assign', label: 'Assign', roles: COMMISSION, from: ['registered', 'assigned'], tone: 'primary',
    fields: [
      { name: 'responsibleUnitId', label: 'Responsible unit', kind: 'unit' },
      { name: 'responsiblePerson', label: 'Responsible person', kind: 'text' },
      { name: 'deadline', label: 'Deadline', kind: 'datetime', optional: true, hint: "Leave empty for the category's time limit." },
    ],
  },
  { command: 'acknowledge', label: 'Acknowledge', roles: WITH_DEPARTMENT, from: ['assigned'], fields: [], tone: 'primary' },
  { command: 'measures', label: 'Submit measures', roles: WITH_DEPARTMENT, from: ['acknowledged', 'rectifying'], fields: [{ name: 'measures', label: 'Measures', kind: 'measures' }], tone: 'primary' },
  { command: 'progress', label: 'Report progress', roles: WITH_DEPARTMENT, from: ['rectifying'], fields: [{ name: 'note', label: 'What has been done', kind: 'textarea' }] },
  {
    command: 'report-rectified', label: 'Report completion', roles: WITH_DEPARTMENT, from: ['rectifying'], tone: 'primary',
    fields: [{ name: 'summary', label: 'Summary of the rectification', kind: 'textarea', hint: 'An independent check follows: say what can be verified.' }],
  },
  {
    command: 'verify', label: 'Record verification', roles: COMMISSION, from: ['reported', 'verifying'], tone: 'primary',
    fields: [
      { name: 'outcome', label: 'Outcome', kind: 'select', options: [{ value: 'passed', label: 'Passed: the problem is solved' }, { value: 'failed', label: 'Failed: return to the department' }] },
      { name: 'basis', label: 'Evidence', kind: 'select', options: VERIFICATION_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] })) },
      { name: 'note', label: 'Note', kind: 'textarea' },
    ],
  },
  {
    command: 'extend-deadline', label: 'Extend deadline', roles: COMMISSION, from: ACTIVE,
    fields: [
      { name: 'deadline', label: 'New deadline', kind: 'datetime' },
      { name: 'reason', label: 'Reason (shown on the timeline)', kind: 'textarea' },
    ],
  },
  {
    command: 'accountability', label: 'Record accountability', roles: COMMISSION, from: [...OPEN_STATUSES, 'resolved', 'closed'],
    fields: [
      { name: 'cadreId', label: 'Cadre (optional)', kind: 'text', optional: true },
      { name: 'measure', label: 'Measure', kind: 'select', options: ACCOUNTABILITY_MEASURES.map((m) => ({ value: m, label: humanize(m) })) },
      { name: 'note', label: 'Note', kind: 'textarea' },
    ],
  },
  { command: 'bulletin', label: 'Publish bulletin', roles: COMMISSION, from: ESTABLISHED, fields: [{ name: 'summary', label: 'Bulletin text', kind: 'textarea' }] },
  { command: 'close', label: 'Close', roles: COMMISSION, from: ['resolved'], fields: [{ name: 'note', label: 'Note', kind: 'textarea', optional: true }] },
  { command: 'reopen', label: 'Reopen', roles: COMMISSION, from: ['resolved', 'closed'], fields: [{ name: 'reason', label: 'Why the problem is back', kind: 'textarea' }] },
  { command: 'merge', label: 'Merge into another case', roles: COMMISSION, from: OPEN_STATUSES, fields: [{ name: 'intoCaseId', label: 'Case id to merge into', kind: 'text' }] },
  { command: 'dismiss', label: 'Dismiss', roles: COMMISSION, from: OPEN_STATUSES, tone: 'danger', fields: [{ name: 'reason', label: 'Why the case is unfounded', kind: 'textarea' }] },
];

export function actionsFor(role: Role, status: string): CaseAction[] {
  return CASE_ACTIONS.filter((a) => a.roles.includes(role) && a.from.includes(status));
}
