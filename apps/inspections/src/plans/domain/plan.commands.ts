import type { InspectionMode, InspectionScope, TaxonomyCode } from '@rectify/contracts';

export interface PlanInspection {
  type: 'PlanInspection';
  planId: string;
  title: string;
  mode: InspectionMode;
  scope: InspectionScope;
  targetUnitIds: string[];
  window: { from: string; to: string };
  team: string[];
  checklist: TaxonomyCode[];
  /** The unit directory this service knows (its copy of the gateway's directory). */
  knownUnitIds: ReadonlySet<string>;
  now: Date;
}

export interface Observation {
  category: TaxonomyCode;
  compliant: boolean;
  note?: string;
  evidence?: string[];
  cadreIds?: string[];
}

export interface RecordVisit {
  type: 'RecordVisit';
  planId: string;
  visitId: string;
  unitId: string;
  arrivedAt: string;
  /** The user recording the visit: must be on the team. */
  recordedBy: string;
  inspectorIds: string[];
  onArrival?: { staffPresent: number; staffAbsent: number };
  observations: Observation[];
  /** One pre-generated id per observation (used for the non-compliant ones). */
  findingIds: string[];
  now: Date;
}

export type PlanCommand = PlanInspection | RecordVisit;
