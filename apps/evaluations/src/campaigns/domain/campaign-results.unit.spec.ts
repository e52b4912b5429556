import type { BallotTally } from './campaign-results';
import { computeResults } from './campaign-results';
import { type CampaignTarget, DEFAULT_RULES, type RespondentGroup } from './campaign.state';

const unitA: CampaignTarget = { kind: 'unit', id: 'unit-a', unitId: 'unit-a' };
const unitB: CampaignTarget = { kind: 'unit', id: 'unit-b', unitId: 'unit-b' };
const groups: RespondentGroup[] = [{ name: 'public', weight: 1 }, { name: 'deputies', weight: 3 }];
const tally = (targetId: string, group: string, level: BallotTally['level'], count: number): BallotTally => ({ targetId, group, level, count });
const never = () => false;

describe('computeResults', () => {
  it('breaches a target with 35% unsatisfied of 40 ballots', () => {
    const [a] = computeResults([unitA], groups, DEFAULT_RULES, [tally('unit-a', 'public', 'bottom', 14), tally('unit-a', 'public', 'top', 26)], never);
    expect(a).toMatchObject({ ballots: 40, unsatisfiedShare: 0.35, satisfiedShare: 0.65, breach: true, insufficientSample: false, rank: 1 });
  });

  it('reports insufficient_sample and no breach below the minimum, whatever the shares', () => {
    const tallies = [tally('unit-b', 'public', 'bottom', 4), tally('unit-b', 'public', 'top', 1), tally('unit-b', 'deputies', 'bottom', 1), tally('unit-b', 'deputies', 'top', 4)];
    const [b] = computeResults([unitB], groups, DEFAULT_RULES, tallies, never);
    expect(b).toMatchObject({ ballots: 10, unsatisfiedShare: 0.35, breach: false, insufficientSample: true, rank: null });
  });

  it('weights each ballot by its respondent group', () => {
    // 10 public unsatisfied (weight 1) against 10 deputies satisfied (weight 3): 25% unsatisfied.
    const [a] = computeResults([unitA], groups, DEFAULT_RULES, [tally('unit-a', 'public', 'bottom', 10), tally('unit-a', 'deputies', 'top', 10)], never);
    expect(a).toMatchObject({ ballots: 20, unsatisfiedShare: 0.25, satisfiedShare: 0.75, breach: false });
  });

  it('breaches on a satisfied share below the floor even with few unsatisfied', () => {
    const [a] = computeResults([unitA], groups, DEFAULT_RULES, [tally('unit-a', 'public', 'top', 11), tally('unit-a', 'public', 'middle', 9)], never);
    expect(a).toMatchObject({ satisfiedShare: 0.55, basicallySatisfiedShare: 0.45, unsatisfiedShare: 0, breach: true });
  });

  it('does not breach exactly at the limits (30% unsatisfied, 60% satisfied)', () => {
    const [a] = computeResults([unitA], groups, DEFAULT_RULES, [tally('unit-a', 'public', 'bottom', 6), tally('unit-a', 'public', 'top', 12), tally('unit-a', 'public', 'middle', 2)], never);
    expect(a).toMatchObject({ unsatisfiedShare: 0.3, satisfiedShare: 0.6, breach: false });
  });

  it('applies the campaign\'s own rules', () => {
    const rules = { unsatisfiedAbove: 0.1, satisfiedBelow: 0.5, minBallots: 5 };
    const [a] = computeResults([unitA], groups, rules, [tally('unit-a', 'public', 'bottom', 1), tally('unit-a', 'public', 'top', 5)], never);
    expect(a).toMatchObject({ ballots: 6, breach: true, insufficientSample: false });
  });

  it('ranks by satisfied share, equal shares sharing a rank', () => {
    const unitC: CampaignTarget = { kind: 'unit', id: 'unit-c', unitId: 'unit-c' };
    const rules = { ...DEFAULT_RULES, minBallots: 1 };
    const results = computeResults([unitA, unitB, unitC], groups, rules, [
      tally('unit-a', 'public', 'top', 1), tally('unit-a', 'public', 'bottom', 1),
      tally('unit-b', 'public', 'top', 2),
      tally('unit-c', 'public', 'top', 2), tally('unit-c', 'public', 'bottom', 2),
    ], never);
    expect(results.map((r) => [r.targetId, r.rank])).toEqual([['unit-a', 2], ['unit-b', 1], ['unit-c', 2]]);
  });

  it('flags a breach as repeated only when the previous campaign breached too', () => {
    const tallies = [tally('unit-a', 'public', 'bottom', 20)];
    expect(computeResults([unitA], groups, DEFAULT_RULES, tallies, () => true)[0].repeated).toBe(true);
    expect(computeResults([unitA], groups, DEFAULT_RULES, tallies, never)[0].repeated).toBe(false);
    expect(computeResults([unitA], groups, DEFAULT_RULES, [tally('unit-a', 'public', 'top', 20)], () => true)[0].repeated).toBe(false);
  });

  it('gives a target without ballots zero shares and an insufficient sample', () => {
    expect(computeResults([unitA], groups, DEFAULT_RULES, [], never)[0]).toMatchObject({ ballots: 0, satisfiedShare: 0, unsatisfiedShare: 0, insufficientSample: true, breach: false });
  });
});
