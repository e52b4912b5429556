import type { RatingLevel } from './rating-scale';
import type { CampaignRules, CampaignTarget, RespondentGroup, TargetResult } from './campaign.state';

/** How many ballots of one group gave one target one rating step. */
export interface BallotTally {
  targetId: string;
  group: string;
  level: RatingLevel;
  count: number;
}

// Shares are compared with a tolerance: weighted sums of decimals are not exact in binary.
const EPSILON = 1e-9;
const round = (share: number): number => Math.round(share * 10_000) / 10_000;

/**
 * Per target: weighted shares (each ballot weighs its respondent group's weight), the breach
 * rule of DESIGN §3.4 once the target has `minBallots` ballots, and a rank by satisfied share
 * (1 = best; equal shares share a rank) among the targets with enough ballots.
 */
export function computeResults(
  targets: readonly CampaignTarget[],
  groups: readonly RespondentGroup[],
  rules: CampaignRules,
  tallies: readonly BallotTally[],
  previousBreach: (target: CampaignTarget) => boolean,
): TargetResult[] {
  const weightOf = new Map(groups.map((g) => [g.name, g.weight]));
  const unranked = targets.map((target) => {
    const weighted = { top: 0, middle: 0, bottom: 0 };
    let ballots = 0;
    for (const tally of tallies) {
      if (tally.targetId !== target.id) continue;
      ballots += tally.count;
      weighted[tally.level] += tally.count * (weightOf.get(tally.group) ?? 0);
    }
    const total = weighted.top + weighted.middle + weighted.bottom;
    const share = (part: number) => (total > 0 ? part / total : 0);
    const satisfied = share(weighted.top);
    const unsatisfied = share(weighted.bottom);
    const insufficientSample = ballots < rules.minBallots;
    const outOfBounds = unsatisfied > rules.unsatisfiedAbove + EPSILON || satisfied < rules.satisfiedBelow - EPSILON;
    const breach = !insufficientSample && outOfBounds;
    return {
      targetKind: target.kind,
      targetId: target.id,
      unitId: target.unitId,
      ballots,
      satisfiedShare: round(satisfied),
      basicallySatisfiedShare: round(share(weighted.middle)),
      unsatisfiedShare: round(unsatisfied),
      breach,
      insufficientSample,
      rank: null as number | null,
      repeated: breach && previousBreach(target),
      exactSatisfied: satisfied,
    };
  });
  const ranked = unranked.filter((r) => !r.insufficientSample).sort((a, b) => b.exactSatisfied - a.exactSatisfied);
  for (const result of ranked) {
    result.rank = 1 + ranked.filter((other) => other.exactSatisfied > result.exactSatisfied + EPSILON).length;
  }
  return unranked.map(({ exactSatisfied: _exact, ...result }) => result);
}
