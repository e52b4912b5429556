import type { OpenedCase } from '../domain/case.state';
import type { TimelineEntry } from './case-timeline.query';

export type CrossCheckVerdict = 'consistent' | 'suspected_paper_rectification' | 'insufficient_evidence';

export interface Evidence {
  kind: 'department_claim' | 're_inspection' | 'reporter_feedback' | 'satisfaction_before' | 'satisfaction_after' | 'verification';
  at: string;
  /** True when the evidence says the problem is solved, false when it says it is not. */
  supportsClaim: boolean | null;
  detail: Record<string, unknown>;
}

interface Satisfaction {
  satisfiedShare: number;
  unsatisfiedShare: number;
}

const delta = (after: number, before: number) => Math.round((after - before) * 10_000) / 10_000;

/**
 * The department's claim beside the independent evidence gathered after it. Any independent
 * evidence against a claim of rectification flags suspected paper rectification.
 *
 * Satisfaction before is the breach that opened the case (its ThresholdBreached): the baseline,
 * not a verdict on the claim. Satisfaction after is each follow-up poll's result for the case
 * (TargetRated with followUpOfCaseId, kept only for the case's target): still in breach, or
 * worse than before on either share, speaks against the claim; too few ballots says nothing.
 */
export function crossCheck(state: OpenedCase, timeline: readonly TimelineEntry[]): { verdict: CrossCheckVerdict; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  let before: Satisfaction | undefined;
  for (const e of timeline) {
    const d = e.data;
    if (e.type === 'RectificationReported') evidence.push({ kind: 'department_claim', at: e.at, supportsClaim: null, detail: { summary: d.summary } });
    else if (e.type === 'ReinspectionCompleted') evidence.push({ kind: 're_inspection', at: e.at, supportsClaim: d.outcome === 'resolved', detail: { purpose: d.purpose, outcome: d.outcome, note: d.note } });
    else if (e.type === 'ReporterFeedbackGiven') evidence.push({ kind: 'reporter_feedback', at: e.at, supportsClaim: d.solved === true, detail: { solved: d.solved, comment: d.comment } });
    else if (e.type === 'ThresholdBreached') {
      before ??= { satisfiedShare: Number(d.satisfiedShare), unsatisfiedShare: Number(d.unsatisfiedShare) };
      evidence.push({ kind: 'satisfaction_before', at: e.at, supportsClaim: null, detail: { campaignId: d.campaignId, satisfiedShare: d.satisfiedShare, unsatisfiedShare: d.unsatisfiedShare, ballots: d.ballots } });
    } else if (e.type === 'TargetRated' && d.followUpOfCaseId) evidence.push(satisfactionAfter(e, before));
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

function satisfactionAfter(e: TimelineEntry, before: Satisfaction | undefined): Evidence {
  const d = e.data;
  const after = { satisfiedShare: Number(d.satisfiedShare), unsatisfiedShare: Number(d.unsatisfiedShare) };
  const change = before && { satisfiedShare: delta(after.satisfiedShare, before.satisfiedShare), unsatisfiedShare: delta(after.unsatisfiedShare, before.unsatisfiedShare) };
  const stillInBreach = d.breach === true;
  const worseThanBefore = change !== undefined && (change.satisfiedShare < 0 || change.unsatisfiedShare > 0);
  return {
    kind: 'satisfaction_after',
    at: e.at,
    supportsClaim: d.insufficientSample === true ? null : !(stillInBreach || worseThanBefore),
    detail: {
      campaignId: d.campaignId,
      ...after,
      ballots: d.ballots,
      insufficientSample: d.insufficientSample,
      stillInBreach,
      worseThanBefore,
      satisfactionChange: change ?? null,
    },
  };
}
