import type { ReportChannel, TaxonomyCode } from '@rectify/contracts';

export interface ReportFacts {
  id: string;
  channel: ReportChannel;
  unitId: string | null;
  category: TaxonomyCode | null;
  caseId: string | null;
  receivedAt: string;
  updatedAt: string;
}

/**
 * The statuses a reporter sees (DESIGN §6). `resolved` carries whether the reporter has
 * already answered for this resolution; a "not solved" answer puts the case back in
 * verification and the report back to `case_opened`.
 */
export type ReportState =
  | { status: 'none' }
  | ({ status: 'received' } & ReportFacts)
  | ({ status: 'under_review' } & ReportFacts)
  | ({ status: 'case_opened' } & ReportFacts & { caseId: string })
  | ({ status: 'resolved' } & ReportFacts & { caseId: string; feedbackGiven: boolean })
  | ({ status: 'closed' } & ReportFacts);

export type ReportStatus = Exclude<ReportState['status'], 'none'>;

export const initialReportState = (): ReportState => ({ status: 'none' });
