/** The resources of DESIGN §6 as the console reads them (the services' code is the truth). */

export type Role = 'admin' | 'inspector' | 'department' | 'analyst';

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Unit {
  id: string;
  name: string;
  parentId: string | null;
}

export interface TaxonomyItem {
  code: string;
  label: string;
  severity: 'general' | 'serious' | 'grave';
  days: number;
}

export interface Measure {
  description: string;
  owner: string;
  dueDate: string;
}

export interface CaseView {
  id: string;
  unitId: string;
  category: string;
  title: string;
  description: string;
  severity: string;
  status: string;
  source: { kind: string; ref: string | null };
  cadreIds?: string[];
  responsibleUnitId: string | null;
  responsiblePerson: string | null;
  deadline: string | null;
  overdue: boolean;
  escalated: boolean;
  returnCount: number;
  reopenCount?: number;
  measures: Measure[];
  progressNotes?: number;
  completionSummary?: string | null;
  verifications?: { outcome: string; basis: string; at: string }[];
  accountability?: { cadreId: string | null; measure: string; note: string }[];
  lookBackAt?: string | null;
  dismissReason?: string | null;
  mergedInto?: string | null;
  version: number;
  openedAt: string;
  updatedAt: string;
}

export type CaseListItem = Pick<CaseView, 'id' | 'unitId' | 'category' | 'title' | 'status' | 'severity' | 'deadline' | 'overdue' | 'source'> & Partial<CaseView>;

export interface TimelineEntry {
  type: string;
  service: string;
  at: string;
  actor: { id?: string; role?: string; unitId?: string | null } | null;
  data: Record<string, unknown>;
  version?: number;
}

export interface CrossCheck {
  caseId: string;
  verdict: 'consistent' | 'suspected_paper_rectification' | 'insufficient_evidence';
  evidence: { kind: string; at: string; supportsClaim: boolean | null; detail: Record<string, unknown> }[];
}

export interface Integrity {
  ok: boolean;
  checked: number;
  firstBadEvent?: unknown;
}

export interface Notice {
  id: string;
  type: string;
  unitId: string;
  caseId?: string;
  title: string;
  createdAt: string;
  acknowledgedAt?: string | null;
}

export interface PlanListItem {
  id: string;
  title: string;
  mode: 'unannounced' | 'announced';
  scope: 'spot' | 'comprehensive';
  status: string;
  sealed: boolean;
  targetUnitIds: string[];
  plannedAt: string;
}

export interface Plan extends PlanListItem {
  window: { from: string; to: string };
  team: string[];
  checklist: string[];
  visitedUnitIds: string[];
  version: number;
}

export interface RecordedVisit {
  id: string;
  findings: { id: string; category: string }[];
}

export interface SpotCheck {
  id: string;
  seedHash: string;
  selectedUnitIds: string[];
}

export interface CampaignListItem {
  id: string;
  title: string;
  status: 'open' | 'closed';
  opensAt: string;
  closesAt: string;
  targets: number;
  tokensIssued: number;
  ballots: number | null;
  breaches: number;
  closedAt: string | null;
}

export interface Campaign {
  id: string;
  title: string;
  status: 'open' | 'closed' | string;
  targets: { kind: 'unit' | 'cadre'; id: string; unitId?: string }[];
  groups: { name: string; weight: number }[];
  opensAt: string;
  closesAt: string;
  rules: { unsatisfiedAbove: number; satisfiedBelow: number; minBallots: number };
  tokensIssued: Record<string, number>;
  closedAt: string | null;
  version: number;
}

export interface CampaignResults {
  campaignId: string;
  closedAt: string;
  ballots: number;
  targets: {
    targetId: string;
    targetKind: string;
    ballots: number;
    satisfiedShare: number | null;
    basicallySatisfiedShare: number | null;
    unsatisfiedShare: number | null;
    breach: boolean;
    insufficientSample: boolean;
    rank: number | null;
    repeatedBreach?: boolean;
  }[];
}

export interface ReportListItem {
  id: string;
  status: string;
  channel: string;
  unitId: string | null;
  category: string | null;
  caseId: string | null;
  receivedAt: string;
  updatedAt: string;
}

export interface ReportDetail extends ReportListItem {
  description: string | null;
  contact: string | null;
  version: number;
}

export interface User {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
}

export interface Thresholds {
  unsatisfiedAbove: number;
  satisfiedBelow: number;
  minBallots: number;
}

export interface Overview {
  from: string;
  to: string;
  cases: {
    total: number;
    byStatus: Record<string, number>;
    byCategory: Record<string, number>;
    byUnit: { unitId: string; total: number; open: number; overdue: number }[];
    medianDaysToResolve: number | null;
    overdueRate: number | null;
    returnRate: number | null;
    reopenRate: number | null;
    overdueTrend: { week: string; rate: number | null }[];
  };
  inspections: { visits: number; unannounced: number; unannouncedShare: number | null };
  satisfaction: { unitId: string; points: { campaignId: string; closedAt: string; satisfiedShare: number | null }[] }[];
}
