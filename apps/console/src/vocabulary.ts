/** The closed vocabularies of DESIGN §3 and their words for people. */

export const CASE_STATUSES = ['registered', 'assigned', 'acknowledged', 'rectifying', 'reported', 'verifying', 'resolved', 'closed', 'dismissed', 'merged'] as const;
export const OPEN_STATUSES: readonly string[] = CASE_STATUSES.slice(0, 6);

export const STATUS_LABELS: Record<string, string> = {
  registered: 'Registered',
  assigned: 'Assigned',
  acknowledged: 'Acknowledged',
  rectifying: 'Rectifying',
  reported: 'Reported done',
  verifying: 'Verifying',
  resolved: 'Resolved',
  closed: 'Closed',
  dismissed: 'Dismissed',
  merged: 'Merged',
};

export const CASE_SOURCES = ['inspection_finding', 'spot_check_finding', 'evaluation_breach', 'public_report', 'self_inspection', 'manual'] as const;
export const SOURCE_LABELS: Record<string, string> = {
  inspection_finding: 'Inspection finding',
  spot_check_finding: 'Spot-check finding',
  evaluation_breach: 'Satisfaction breach',
  public_report: 'Public report',
  self_inspection: 'Self-inspection',
  manual: 'Opened by hand',
};

export const VERIFICATION_BASES = ['re_inspection', 'follow_up_poll', 'reporter_feedback', 'on_site_check'] as const;
export const BASIS_LABELS: Record<string, string> = {
  re_inspection: 'Re-inspection',
  follow_up_poll: 'Follow-up poll',
  reporter_feedback: "Reporter's feedback",
  on_site_check: 'On-site check',
};

export const ACCOUNTABILITY_MEASURES = [
  'criticism_education', 'admonishment_talk', 'written_self_criticism', 'public_bulletin', 'suspension',
  'post_waiting', 'demotion', 'dismissal', 'ordered_resignation', 'transfer_to_discipline_review',
] as const;

export const NOTICE_TYPES = ['rectification_notice', 'deadline_reminder', 'overdue', 'escalation', 'returned', 'resolved', 'closed', 'inspection_disclosed', 'bulletin'] as const;
export const NOTICE_LABELS: Record<string, string> = {
  rectification_notice: 'Rectification notice',
  deadline_reminder: 'Deadline reminder',
  overdue: 'Overdue',
  escalation: 'Escalation',
  returned: 'Returned',
  resolved: 'Resolved',
  closed: 'Closed',
  inspection_disclosed: 'Inspection disclosed',
  bulletin: 'Bulletin',
};

export const REPORT_STATUSES = ['received', 'under_review', 'case_opened', 'resolved', 'closed'] as const;
export const REPORT_STATUS_LABELS: Record<string, string> = {
  received: 'Received — waiting to be looked at',
  under_review: 'Under review',
  case_opened: 'A case was opened and is being worked on',
  resolved: 'Resolved — please tell us whether the problem is really solved',
  closed: 'Closed',
};
export const REPORT_CHANNELS = ['web', 'telephone', 'report_box'] as const;

export const UNIT_RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const CADRE_RATINGS = ['competent', 'basically_competent', 'incompetent'] as const;

export const ROLES = ['admin', 'inspector', 'department', 'analyst'] as const;
export const SEVERITIES = ['general', 'serious', 'grave'] as const;

/** `snake_case`, `CODE_WORDS` or `camelCase` → "Snake case". */
export function humanize(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `CaseAssigned` → "Case assigned". */
export function eventLabel(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
