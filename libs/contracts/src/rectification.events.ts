import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min, MinLength, ValidateNested } from 'class-validator';
import { SEVERITIES, type Severity, TAXONOMY_CODES, type TaxonomyCode } from './taxonomy';

/** Published on `rectification.events` (key = case id). */
export const RectificationEventTypes = {
  CaseOpened: 'CaseOpened',
  CaseAssigned: 'CaseAssigned',
  VerificationRequested: 'VerificationRequested',
  CaseAcknowledged: 'CaseAcknowledged',
  MeasuresSubmitted: 'MeasuresSubmitted',
  ProgressReported: 'ProgressReported',
  RectificationReported: 'RectificationReported',
  VerificationPassed: 'VerificationPassed',
  VerificationFailed: 'VerificationFailed',
  DeadlineExtended: 'DeadlineExtended',
  CaseOverdue: 'CaseOverdue',
  CaseEscalated: 'CaseEscalated',
  AccountabilityRecorded: 'AccountabilityRecorded',
  CaseResolved: 'CaseResolved',
  LookBackScheduled: 'LookBackScheduled',
  CaseClosed: 'CaseClosed',
  CaseReopened: 'CaseReopened',
  CaseDismissed: 'CaseDismissed',
  CaseMerged: 'CaseMerged',
  CaseBulletinPublished: 'CaseBulletinPublished',
} as const;

export const CASE_SOURCES = ['inspection_finding', 'spot_check_finding', 'evaluation_breach', 'public_report', 'self_inspection', 'manual'] as const;
export type CaseSourceKind = (typeof CASE_SOURCES)[number];

export class CaseOpenedV1 {
  @IsUUID()
  caseId: string;

  @IsString()
  @MinLength(1)
  unitId: string;

  @IsIn(TAXONOMY_CODES)
  category: TaxonomyCode;

  @IsString()
  title: string;

  @IsIn(SEVERITIES)
  severity: Severity;

  @IsOptional()
  @IsString()
  description?: string;

  @IsOptional()
  source?: { kind: CaseSourceKind; ref: string | null };

  @IsOptional()
  cadreIds?: string[];
}

export class CaseAssignedV1 {
  @IsUUID()
  caseId: string;

  @IsString()
  @MinLength(1)
  responsibleUnitId: string;

  @IsString()
  responsiblePerson: string;

  @IsISO8601({ strict: true })
  deadline: string;
}

/**
 * Rectification asks for independent evidence: a re-inspection (inspections consumes this and
 * creates a task) when the department reports completion, or an unannounced look-back when a
 * resolved case's look-back date comes.
 */
export class VerificationRequestedV1 {
  @IsUUID()
  caseId: string;

  @IsString()
  unitId: string;

  @IsString()
  responsibleUnitId: string;

  @IsIn(TAXONOMY_CODES)
  category: TaxonomyCode;

  @IsIn(['verification', 'look_back'])
  purpose: 'verification' | 'look_back';

  @IsIn(['re_inspection', 'follow_up_poll', 'reporter_feedback', 'on_site_check'])
  basis: 're_inspection' | 'follow_up_poll' | 'reporter_feedback' | 'on_site_check';
}

export const VERIFICATION_BASES = ['re_inspection', 'follow_up_poll', 'reporter_feedback', 'on_site_check'] as const;
export type VerificationBasisV1 = (typeof VERIFICATION_BASES)[number];

export const ACCOUNTABILITY_MEASURES = [
  'criticism_education',
  'admonishment_talk',
  'written_self_criticism',
  'public_bulletin',
  'suspension',
  'post_waiting',
  'demotion',
  'dismissal',
  'ordered_resignation',
  'transfer_to_discipline_review',
] as const;
export type AccountabilityMeasureV1 = (typeof ACCOUNTABILITY_MEASURES)[number];

class CaseEventV1 {
  @IsUUID()
  caseId: string;
}

export class CaseAcknowledgedV1 extends CaseEventV1 {
  @IsString()
  acknowledgedBy: string;
}

export class MeasureV1 {
  @IsString()
  description: string;

  @IsString()
  owner: string;

  @IsISO8601({ strict: true })
  dueDate: string;
}

export class MeasuresSubmittedV1 extends CaseEventV1 {
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeasureV1)
  measures: MeasureV1[];
}

export class ProgressReportedV1 extends CaseEventV1 {
  @IsString()
  note: string;
}

export class RectificationReportedV1 extends CaseEventV1 {
  @IsString()
  summary: string;
}

class VerdictV1 extends CaseEventV1 {
  @IsIn(VERIFICATION_BASES)
  basis: VerificationBasisV1;

  @IsString()
  note: string;

  @IsString()
  verifierId: string;

  @IsOptional()
  @IsString()
  verifierUnitId: string | null;
}

export class VerificationPassedV1 extends VerdictV1 {}

export class VerificationFailedV1 extends VerdictV1 {
  /** How many times the case has now been returned to the department. */
  @IsInt()
  @Min(1)
  returnCount: number;
}

export class DeadlineExtendedV1 extends CaseEventV1 {
  @IsISO8601({ strict: true })
  previousDeadline: string;

  @IsISO8601({ strict: true })
  deadline: string;

  @IsString()
  reason: string;
}

class UnitsOfCaseV1 extends CaseEventV1 {
  @IsString()
  unitId: string;

  @IsString()
  responsibleUnitId: string;
}

export class CaseOverdueV1 extends UnitsOfCaseV1 {
  @IsISO8601({ strict: true })
  deadline: string;
}

/** To the responsible unit's superior and the commission (notifications resolves the recipients). */
export class CaseEscalatedV1 extends UnitsOfCaseV1 {
  @IsIn(['overdue', 'repeated_verification_failure'])
  reason: 'overdue' | 'repeated_verification_failure';

  @IsArray()
  @IsString({ each: true })
  to: string[];
}

export class AccountabilityRecordedV1 extends CaseEventV1 {
  @IsOptional()
  @IsString()
  cadreId: string | null;

  @IsIn(ACCOUNTABILITY_MEASURES)
  measure: AccountabilityMeasureV1;

  @IsString()
  note: string;
}

export class CaseResolvedV1 extends UnitsOfCaseV1 {}

export class LookBackScheduledV1 extends CaseEventV1 {
  @IsISO8601({ strict: true })
  lookBackAt: string;
}

export class CaseClosedV1 extends CaseEventV1 {
  @IsOptional()
  @IsString()
  note: string | null;
}

export class CaseReopenedV1 extends CaseEventV1 {
  @IsString()
  reason: string;

  @IsInt()
  @Min(1)
  reopenCount: number;

  @IsISO8601({ strict: true })
  deadline: string;
}

export class CaseDismissedV1 extends CaseEventV1 {
  @IsString()
  reason: string;
}

export class CaseMergedV1 extends CaseEventV1 {
  @IsUUID()
  intoCaseId: string;
}

/** The commission published the case as a typical case, a public bulletin to every unit (DESIGN §3.5). */
export class CaseBulletinPublishedV1 extends CaseEventV1 {
  @IsString()
  unitId: string;

  @IsString()
  @MinLength(1)
  title: string;

  @IsString()
  @MinLength(1)
  summary: string;
}
