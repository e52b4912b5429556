import type { OpenedCase } from '../domain/case.state';
import type { TimelineEntry } from './case-timeline.query';

export type CrossCheckVerdict = 'consistent' | 'suspected_paper_rectification' | 'insufficient_evidence';

export interface Evidence {
  kind: 'department_claim' | 're_inspection' | 'reporter_feedback' | 'satisfaction' | 'verification';
  at: string;
  /** True when the evidence says the problem is solved, false when it says it is not. */
  supportsClaim: boolean | null;
  detail: Record<string, unknown>;
}

/**
 * The department's claim beside the independent evidence gathered after it. Any independent
 * evidence against a claim of rectification flags suspected paper rectification.
 */
export function crossCheck(state: OpenedCase, timeline: readonly TimelineEntry[]): { verdict: CrossCheckVerdict; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  for (const e of timeline) {
    const d = e.data;
    if (e.type === 'RectificationReported') evidence.push({ kind: 'department_claim', at: e.at, supportsClaim: null, detail: { summary: d.summary } });
    else if (e.type === 'ReinspectionCompleted') evidence.push({ kind: 're_inspection', at: e.at, supportsClaim: d.outcome === 'resolved', detail: { purpose: d.purpose, outcome: d.outcome, note: d.note } });
    else if (e.type === 'ReporterFeedbackGiven') evidence.push({ kind: 'reporter_feedback', at: e.at, supportsClaim: d.solved === true, detail: { solved: d.solved, comment: d.comment } });
    else if (e.type === 'ThresholdBreached') evidence.push({ kind: 'satisfaction', at: e.at, supportsClaim: false, detail: { satisfiedShare: d.satisfiedShare, unsatisfiedShare: d.unsatisfiedShare, ballots: d.ballots } });
    else if (e.type === 'VerificationPassed' || e.type === 'VerificationFailed') {
      evidence.push({ kind: 'verification', at: e.at, supportsClaim: e.type === 'VerificationPassed', detail: { basis: d.basis, note: d.note } });
    }
  }
  const firstClaim = evidence.find((e) => e.kind === 'department_claim');
  if (!firstClaim || state.completionSummary === null) return { verdict: 'insufficient_evidence', evidence };
  const afterClaim = evidence.filter((e) => e.kind !== 'department_claim' && e.supportsClaim !== null && Date.parse(e.at) >= Date.parse(firstClaim.at));
  if (afterClaim.some((e) => e.supportsClaim === false)) return { verdict: 'suspected_paper_rectification', evidence };
  return { verdict: afterClaim.length ? 'consistent' : 'insufficient_evidence', evidence };
}
