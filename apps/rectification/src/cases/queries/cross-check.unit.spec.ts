import type { OpenedCase } from '../domain/case.state';
import type { TimelineEntry } from './case-timeline.query';
import { crossCheck } from './cross-check';

const caseId = '5d2c8a47-1e3b-4f6a-8c9d-0e1f2a3b4c5d';
const breachCampaign = '0b6f0c53-8f5e-4c1e-9a59-1b2c3d4e5f60';
const followUpCampaign = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const reported: OpenedCase = {
  status: 'verifying',
  id: caseId,
  unitId: 'unit-a',
  category: 'MASS_DISCONNECTION',
  title: 'Satisfaction breach: 42% unsatisfied (unit unit-a)',
  description: '',
  severity: 'general',
  source: { kind: 'evaluation_breach', ref: `${breachCampaign}:unit:unit-a` },
  cadreIds: [],
  openedAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-04-01T08:00:00.000Z',
  responsibleUnitId: 'unit-a',
  responsiblePerson: 'unit principal',
  deadline: '2026-03-31T08:00:00.000Z',
  overdue: false,
  escalated: false,
  returnCount: 0,
  reopenCount: 0,
  measures: [],
  progressNotes: 0,
  completionSummary: 'Window staff retrained, queue tickets introduced',
  verifications: [],
  accountability: [],
  lookBackAt: null,
  lookBackRequested: false,
  dismissReason: null,
  mergedInto: null,
};

const entry = (type: string, at: string, data: Record<string, unknown>, service = 'evaluations'): TimelineEntry => ({ type, service, at, actor: { id: 'someone' }, data });
const breach = entry('ThresholdBreached', '2026-03-01T08:00:00.000Z', { campaignId: breachCampaign, targetKind: 'unit', targetId: 'unit-a', unitId: 'unit-a', satisfiedShare: 0.4, unsatisfiedShare: 0.42, ballots: 57, repeated: false });
const claim = entry('RectificationReported', '2026-04-01T08:00:00.000Z', { caseId, summary: reported.completionSummary }, 'rectification');
const followUp = (result: Record<string, unknown>) =>
  entry('TargetRated', '2026-04-20T08:00:00.000Z', {
    campaignId: followUpCampaign, targetKind: 'unit', targetId: 'unit-a', unitId: 'unit-a', ballots: 31,
    satisfiedShare: 0.7, basicallySatisfiedShare: 0.2, unsatisfiedShare: 0.1, breach: false, insufficientSample: false, rank: 1, repeated: false,
    followUpOfCaseId: caseId, ...result,
  });
const kinds = (evidence: { kind: string }[]) => evidence.map((e) => e.kind);

describe('cross-check: satisfaction before and after', () => {
  it('shows the breach as satisfaction before and the follow-up as satisfaction after, with the change, and calls an improvement consistent', () => {
    const { verdict, evidence } = crossCheck(reported, [breach, claim, followUp({})]);
    expect(verdict).toBe('consistent');
    expect(kinds(evidence)).toEqual(['satisfaction_before', 'department_claim', 'satisfaction_after']);
    expect(evidence[0]).toEqual({ kind: 'satisfaction_before', at: breach.at, supportsClaim: null, detail: { campaignId: breachCampaign, satisfiedShare: 0.4, unsatisfiedShare: 0.42, ballots: 57 } });
    expect(evidence[2]).toMatchObject({
      supportsClaim: true,
      detail: { campaignId: followUpCampaign, satisfiedShare: 0.7, unsatisfiedShare: 0.1, ballots: 31, stillInBreach: false, worseThanBefore: false, satisfactionChange: { satisfiedShare: 0.3, unsatisfiedShare: -0.32 } },
    });
  });

  it('flags suspected paper rectification when the follow-up is still in breach', () => {
    const { verdict, evidence } = crossCheck(reported, [breach, claim, followUp({ satisfiedShare: 0.5, unsatisfiedShare: 0.35, breach: true })]);
    expect(verdict).toBe('suspected_paper_rectification');
    expect(evidence[2]).toMatchObject({ kind: 'satisfaction_after', supportsClaim: false, detail: { stillInBreach: true, satisfactionChange: { satisfiedShare: 0.1, unsatisfiedShare: -0.07 } } });
  });

  it('flags suspected paper rectification when the follow-up is worse than before, even within the rules', () => {
    const { verdict, evidence } = crossCheck(reported, [breach, claim, followUp({ satisfiedShare: 0.65, unsatisfiedShare: 0.45, breach: false })]);
    expect(verdict).toBe('suspected_paper_rectification');
    expect(evidence[2]).toMatchObject({ supportsClaim: false, detail: { stillInBreach: false, worseThanBefore: true } });
  });

  it('takes a follow-up with too few ballots as no evidence either way', () => {
    const { verdict, evidence } = crossCheck(reported, [breach, claim, followUp({ ballots: 3, insufficientSample: true, satisfiedShare: 0, unsatisfiedShare: 1 })]);
    expect(verdict).toBe('insufficient_evidence');
    expect(evidence[2]).toMatchObject({ kind: 'satisfaction_after', supportsClaim: null, detail: { insufficientSample: true } });
  });

  it('gives no change without a breach to compare with, and ignores results of campaigns that follow up nothing', () => {
    const manual: OpenedCase = { ...reported, source: { kind: 'manual', ref: null } };
    const plain = entry('TargetRated', '2026-04-10T08:00:00.000Z', { ...followUp({}).data, followUpOfCaseId: undefined, breach: true });
    const { verdict, evidence } = crossCheck(manual, [claim, plain, followUp({})]);
    expect(kinds(evidence)).toEqual(['department_claim', 'satisfaction_after']);
    expect(evidence[1].detail).toMatchObject({ satisfactionChange: null, worseThanBefore: false });
    expect(verdict).toBe('consistent');
  });

  it('counts a breach before the claim as the baseline, not as evidence against it', () => {
    expect(crossCheck(reported, [breach, claim]).verdict).toBe('insufficient_evidence');
    expect(crossCheck({ ...reported, completionSummary: null }, [breach]).verdict).toBe('insufficient_evidence');
  });

  it('still weighs re-inspections, reporter feedback and verifications after the claim', () => {
    const reinspection = entry('ReinspectionCompleted', '2026-04-05T08:00:00.000Z', { purpose: 'verification', outcome: 'persists', note: 'queue as long as before' }, 'inspections');
    const passed = entry('VerificationPassed', '2026-04-06T08:00:00.000Z', { basis: 'on_site_check', note: 'fine' }, 'rectification');
    const { verdict, evidence } = crossCheck(reported, [breach, claim, reinspection, passed]);
    expect(kinds(evidence)).toEqual(['satisfaction_before', 'department_claim', 're_inspection', 'verification']);
    expect(verdict).toBe('suspected_paper_rectification');
  });
});
