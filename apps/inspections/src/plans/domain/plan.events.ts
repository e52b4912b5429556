import type { FindingRecordedV1, InspectionDisclosedV1, InspectionMode, InspectionScope, TaxonomyCode, VisitRecordedV1 } from '@rectify/contracts';

/**
 * What the plan stream stores. `InspectionPlanned` holds the sealed details in full; the relay
 * publishes only its public part (see plan-redaction.ts and ADR 005).
 */
export interface InspectionPlannedData {
  planId: string;
  title: string;
  mode: InspectionMode;
  scope: InspectionScope;
  targetUnitIds: string[];
  window: { from: string; to: string };
  team: string[];
  checklist: TaxonomyCode[];
}

export type PlanEvent =
  | { type: 'InspectionPlanned'; data: InspectionPlannedData }
  | { type: 'VisitRecorded'; data: VisitRecordedV1 }
  | { type: 'InspectionDisclosed'; data: InspectionDisclosedV1 };

export interface VisitDecision {
  events: PlanEvent[];
  /** Each goes to its own `finding-<id>` stream: rectification opens a case per finding. */
  findings: FindingRecordedV1[];
}
