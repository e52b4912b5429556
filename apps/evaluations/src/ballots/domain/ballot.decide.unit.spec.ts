import { decide } from '../../campaigns/domain/campaign.decide';
import { evolve } from '../../campaigns/domain/campaign.evolve';
import { type CampaignState, DEFAULT_RULES, initialCampaignState } from '../../campaigns/domain/campaign.state';
import { type BallotToken, decideBallot } from './ballot.decide';

const campaignId = '0b6f0c53-8f5e-4c1e-9a59-1b2c3d4e5f60';
const openCampaign = (): CampaignState => {
  const [event] = decide({
    type: 'OpenCampaign',
    data: {
      campaignId,
      title: 'Window service',
      targets: [{ kind: 'unit', id: 'unit-a', unitId: 'unit-a' }, { kind: 'cadre', id: 'cadre-1', unitId: 'unit-a' }],
      groups: [{ name: 'public', weight: 1 }],
      opensAt: '2026-03-01T00:00:00.000Z',
      closesAt: '2026-03-31T00:00:00.000Z',
      rules: DEFAULT_RULES,
    },
    metadata: { now: '2026-02-20T00:00:00.000Z' },
  }, initialCampaignState());
  return evolve(initialCampaignState(), event, '2026-02-20T00:00:00.000Z');
};
const token: BallotToken = { campaignId, group: 'public', used: false };
const during = '2026-03-10T09:41:27.123Z';
const cast = (ratings: { targetId: string; rating: string }[], now = during) => ({ ratings, now });

describe('decideBallot', () => {
  it('accepts a ballot and keeps only the day it was cast', () => {
    const ballot = decideBallot(token, openCampaign(), cast([{ targetId: 'unit-a', rating: 'unsatisfied' }, { targetId: 'cadre-1', rating: 'competent' }]));
    expect(ballot).toEqual({
      campaignId,
      group: 'public',
      castOn: '2026-03-10',
      ratings: [{ targetId: 'unit-a', rating: 'unsatisfied', comment: null }, { targetId: 'cadre-1', rating: 'competent', comment: null }],
    });
  });

  it('refuses an unknown token', () => {
    expect(() => decideBallot(undefined, initialCampaignState(), cast([{ targetId: 'unit-a', rating: 'satisfied' }]))).toThrow(expect.objectContaining({ code: 'BALLOT.TOKEN_UNKNOWN' }));
  });

  it('refuses a token that was used', () => {
    expect(() => decideBallot({ ...token, used: true }, openCampaign(), cast([{ targetId: 'unit-a', rating: 'satisfied' }]))).toThrow(expect.objectContaining({ code: 'BALLOT.TOKEN_USED' }));
  });

  it('refuses ballots before the campaign opens and from the moment it closes', () => {
    for (const now of ['2026-02-28T23:59:59.999Z', '2026-03-31T00:00:00.000Z']) {
      expect(() => decideBallot(token, openCampaign(), cast([{ targetId: 'unit-a', rating: 'satisfied' }], now))).toThrow(expect.objectContaining({ code: 'BALLOT.CAMPAIGN_NOT_OPEN' }));
    }
  });

  it('refuses a rating of something the campaign does not rate', () => {
    expect(() => decideBallot(token, openCampaign(), cast([{ targetId: 'unit-z', rating: 'satisfied' }]))).toThrow(expect.objectContaining({ code: 'BALLOT.NOT_A_TARGET' }));
  });

  it('refuses a unit rating on a cadre and the same target twice', () => {
    expect(() => decideBallot(token, openCampaign(), cast([{ targetId: 'cadre-1', rating: 'satisfied' }]))).toThrow(expect.objectContaining({ code: 'BALLOT.RATING_NOT_ON_SCALE' }));
    expect(() => decideBallot(token, openCampaign(), cast([{ targetId: 'unit-a', rating: 'satisfied' }, { targetId: 'unit-a', rating: 'unsatisfied' }]))).toThrow(expect.objectContaining({ code: 'BALLOT.DUPLICATE_TARGET' }));
  });
});
