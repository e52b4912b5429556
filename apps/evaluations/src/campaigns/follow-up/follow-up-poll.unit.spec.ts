import type { CampaignFacts } from '../domain/campaign.state';
import { parseBreachRef } from './breach-cases';
import { followUpPoll } from './follow-up-poll';

const caseId = '5d2c8a47-1e3b-4f6a-8c9d-0e1f2a3b4c5d';
const breachingId = '0b6f0c53-8f5e-4c1e-9a59-1b2c3d4e5f60';
const followUpId = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const breaching: CampaignFacts = {
  id: breachingId,
  title: 'County service windows, spring',
  targets: [{ kind: 'unit', id: 'unit-a', unitId: 'unit-a' }, { kind: 'cadre', id: 'cadre-7', unitId: 'unit-b' }],
  groups: [{ name: 'public', weight: 1 }, { name: 'deputies', weight: 3 }],
  opensAt: '2026-03-01T00:00:00.000Z',
  closesAt: '2026-03-31T00:00:00.000Z',
  rules: { unsatisfiedAbove: 0.25, satisfiedBelow: 0.7, minBallots: 30 },
  tokensIssued: { public: 40 },
  openedAt: '2026-03-01T00:00:00.000Z',
};
const now = '2026-05-10T09:30:00.000Z';

describe('the follow-up poll of a breach case', () => {
  it('re-rates the breaching target alone with the breaching groups and rules, from now for the configured days', () => {
    const breach = { caseId, campaignId: breachingId, targetKind: 'cadre' as const, targetId: 'cadre-7' };
    expect(followUpPoll(breaching, { campaignId: followUpId, breach, now, days: 14 })).toEqual({
      type: 'OpenCampaign',
      data: {
        campaignId: followUpId,
        title: 'Follow-up: County service windows, spring',
        targets: [{ kind: 'cadre', id: 'cadre-7', unitId: 'unit-b' }],
        groups: breaching.groups,
        opensAt: now,
        closesAt: '2026-05-24T09:30:00.000Z',
        rules: breaching.rules,
        followUpOfCaseId: caseId,
      },
      metadata: { now },
    });
  });

  it('keeps the title within the campaign limit and opens nothing for a target the campaign never rated', () => {
    const long = { ...breaching, title: 'x'.repeat(200) };
    const breach = { caseId, campaignId: breachingId, targetKind: 'unit' as const, targetId: 'unit-a' };
    expect(followUpPoll(long, { campaignId: followUpId, breach, now, days: 1 })?.data.title).toHaveLength(200);
    expect(followUpPoll(breaching, { campaignId: followUpId, breach: { ...breach, targetId: 'unit-z' }, now, days: 1 })).toBeUndefined();
  });

  it('reads the breach from the case source reference, target ids with colons included', () => {
    expect(parseBreachRef(caseId, `${breachingId}:unit:unit-a`)).toEqual({ caseId, campaignId: breachingId, targetKind: 'unit', targetId: 'unit-a' });
    expect(parseBreachRef(caseId, `${breachingId}:cadre:bureau:7`)).toMatchObject({ targetKind: 'cadre', targetId: 'bureau:7' });
    expect(parseBreachRef(caseId, 'finding-12')).toBeUndefined();
    expect(parseBreachRef(caseId, `${breachingId}:desk:unit-a`)).toBeUndefined();
  });
});
