import type { CloseCampaign, OpenCampaign } from './campaign.commands';
import { decide } from './campaign.decide';
import type { CampaignEvent } from './campaign.events';
import { evolve } from './campaign.evolve';
import { type CampaignState, DEFAULT_RULES, initialCampaignState } from './campaign.state';

const now = '2026-03-01T08:00:00.000Z';
const campaignId = '0b6f0c53-8f5e-4c1e-9a59-1b2c3d4e5f60';
const open: OpenCampaign = {
  type: 'OpenCampaign',
  data: {
    campaignId,
    title: 'Spring service satisfaction',
    targets: [{ kind: 'unit', id: 'unit-a', unitId: 'unit-a' }, { kind: 'cadre', id: 'cadre-7', unitId: 'unit-b' }],
    groups: [{ name: 'public', weight: 1 }],
    opensAt: '2026-03-01T00:00:00.000Z',
    closesAt: '2026-03-31T00:00:00.000Z',
    rules: DEFAULT_RULES,
  },
  metadata: { now },
};
const given = (...events: CampaignEvent[]): CampaignState => events.reduce((s, e) => evolve(s, e, now), initialCampaignState());
const opened = () => given(...decide(open, initialCampaignState()));
const close = (data: Partial<CloseCampaign['data']> = {}): CloseCampaign => ({
  type: 'CloseCampaign',
  data: { ballots: 0, tallies: [], previousBreach: {}, ...data },
  metadata: { now },
});

describe('campaign decide/evolve', () => {
  it('opens a campaign with its targets, groups, window and rules', () => {
    expect(decide(open, initialCampaignState())).toEqual([{ type: 'CampaignOpened', data: open.data }]);
    expect(opened()).toMatchObject({ status: 'open', id: campaignId, rules: DEFAULT_RULES });
  });

  it('refuses a window that closes before it opens', () => {
    const backwards = { ...open, data: { ...open.data, closesAt: open.data.opensAt } };
    expect(() => decide(backwards, initialCampaignState())).toThrow(expect.objectContaining({ code: 'CAMPAIGN.INVALID_WINDOW' }));
  });

  it('refuses the same target id twice', () => {
    const twice = { ...open, data: { ...open.data, targets: [open.data.targets[0], { kind: 'cadre' as const, id: 'unit-a', unitId: 'unit-a' }] } };
    expect(() => decide(twice, initialCampaignState())).toThrow(expect.objectContaining({ code: 'CAMPAIGN.DUPLICATE_TARGET' }));
  });

  it('issues tokens only for one of its groups', () => {
    const issue = (group: string) => decide({ type: 'IssueBallotTokens', data: { group, count: 5 }, metadata: { now } }, opened());
    expect(issue('public')).toEqual([{ type: 'BallotTokensIssued', data: { campaignId, group: 'public', count: 5 } }]);
    expect(() => issue('deputies')).toThrow(expect.objectContaining({ code: 'CAMPAIGN.UNKNOWN_GROUP' }));
  });

  it('closes with one TargetRated per target and a ThresholdBreached per breach, for the cadre\'s unit', () => {
    const tallies = [{ targetId: 'cadre-7', group: 'public', level: 'bottom' as const, count: 25 }, { targetId: 'unit-a', group: 'public', level: 'top' as const, count: 25 }];
    const events = decide(close({ ballots: 25, tallies, previousBreach: { 'cadre:cadre-7': true } }), opened());
    expect(events.map((e) => e.type)).toEqual(['CampaignClosed', 'TargetRated', 'TargetRated', 'ThresholdBreached']);
    expect(events[3].data).toEqual({
      campaignId, targetKind: 'cadre', targetId: 'cadre-7', unitId: 'unit-b', unsatisfiedShare: 1, satisfiedShare: 0, ballots: 25, repeated: true,
    });
    const closed = given(...decide(open, initialCampaignState()), ...events);
    expect(closed).toMatchObject({ status: 'closed', ballots: 25 });
    expect(closed.status === 'closed' && closed.results.map((r) => [r.targetId, r.breach])).toEqual([['unit-a', false], ['cadre-7', true]]);
  });

  it('names the case of a follow-up poll on each of its results, and only there', () => {
    const caseId = '5d2c8a47-1e3b-4f6a-8c9d-0e1f2a3b4c5d';
    const followUp = { ...open, data: { ...open.data, followUpOfCaseId: caseId } };
    const rated = decide(close(), given(...decide(followUp, initialCampaignState()))).filter((e) => e.type === 'TargetRated');
    expect(rated.map((e) => e.data)).toEqual([expect.objectContaining({ targetId: 'unit-a', followUpOfCaseId: caseId }), expect.objectContaining({ targetId: 'cadre-7', followUpOfCaseId: caseId })]);
    expect(decide(close(), opened()).filter((e) => e.type === 'TargetRated').every((e) => !('followUpOfCaseId' in e.data))).toBe(true);
  });

  it('opens no new case for the breach case\'s own target in its follow-up poll, but does for the others', () => {
    const tallies = [{ targetId: 'cadre-7', group: 'public', level: 'bottom' as const, count: 25 }, { targetId: 'unit-a', group: 'public', level: 'bottom' as const, count: 25 }];
    const events = decide(close({ ballots: 25, tallies, followUpTarget: { kind: 'unit', id: 'unit-a' } }), opened());
    expect(events.flatMap((e) => (e.type === 'TargetRated' ? [[e.data.targetId, e.data.breach]] : []))).toEqual([['unit-a', true], ['cadre-7', true]]);
    expect(events.flatMap((e) => (e.type === 'ThresholdBreached' ? [e.data.targetId] : []))).toEqual(['cadre-7']);
  });

  it('refuses to close twice or to issue tokens once closed', () => {
    const closed = given(...decide(open, initialCampaignState()), ...decide(close(), opened()));
    expect(() => decide(close(), closed)).toThrow(expect.objectContaining({ code: 'CAMPAIGN.CLOSED' }));
    expect(() => decide({ type: 'IssueBallotTokens', data: { group: 'public', count: 1 }, metadata: { now } }, closed)).toThrow(expect.objectContaining({ httpStatus: 409 }));
  });
});
