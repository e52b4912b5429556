import type { CampaignState } from './domain/campaign.state';

type Existing = Exclude<CampaignState, { status: 'none' }>;

/** GET /api/evaluations/campaigns/:id: the campaign as configured, and its status. */
export function campaignView(state: Existing, version: number) {
  return {
    id: state.id,
    title: state.title,
    status: state.status,
    targets: state.targets,
    groups: state.groups,
    opensAt: state.opensAt,
    closesAt: state.closesAt,
    rules: state.rules,
    tokensIssued: state.tokensIssued,
    followUpOfCaseId: state.followUpOfCaseId ?? null,
    closedAt: state.status === 'closed' ? state.closedAt : null,
    version,
  };
}

/** GET /api/evaluations/campaigns/:id/results (DESIGN §6), best rank first. */
export function resultsView(state: Extract<CampaignState, { status: 'closed' }>) {
  const targets = [...state.results].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return {
    campaignId: state.id,
    closedAt: state.closedAt,
    ballots: state.ballots,
    targets: targets.map((r) => ({
      targetId: r.targetId,
      targetKind: r.targetKind,
      unitId: r.unitId,
      ballots: r.ballots,
      satisfiedShare: r.satisfiedShare,
      basicallySatisfiedShare: r.basicallySatisfiedShare,
      unsatisfiedShare: r.unsatisfiedShare,
      breach: r.breach,
      insufficientSample: r.insufficientSample,
      rank: r.rank,
      repeatedBreach: r.repeated,
    })),
  };
}
