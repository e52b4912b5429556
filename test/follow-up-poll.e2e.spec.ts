import { ApiClient, eventually } from '@rectify/test-kit';

/**
 * DESIGN §3.2 across the running services, through the gateway: a satisfaction breach opens a
 * case; the department reports it rectified; evaluations opens the follow-up poll by itself;
 * its result decides the verification in rectification, and the cross-check sets satisfaction
 * before beside satisfaction after.
 */
jest.setTimeout(180_000);

const DAY = 86_400_000;

describe('follow-up poll: from breach to verified case', () => {
  let inspector: ApiClient;
  let deptB: ApiClient;
  const anonymous = new ApiClient();

  beforeAll(async () => {
    [inspector, deptB] = await Promise.all([ApiClient.login('inspector'), ApiClient.login('dept-b')]);
  });

  const vote = async (campaignId: string, ratings: string[]) => {
    const issued = await inspector.post(`/api/evaluations/campaigns/${campaignId}/tokens`, { group: 'public', count: ratings.length });
    expect(issued.status).toBe(201);
    for (const [i, token] of (issued.body.tokens as string[]).entries()) {
      expect((await anonymous.post('/api/public/ballots', { token, ratings: [{ targetId: 'unit-b', rating: ratings[i] }] })).status).toBe(201);
    }
    expect((await inspector.post(`/api/evaluations/campaigns/${campaignId}/close`)).status).toBe(200);
  };

  it('verifies a breach case by the follow-up poll evaluations opens when the unit reports it rectified', async () => {
    const campaign = await inspector.post('/api/evaluations/campaigns', {
      title: 'Township A service hall',
      targets: [{ kind: 'unit', id: 'unit-b' }],
      groups: [{ name: 'public', weight: 1 }],
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + DAY).toISOString(),
      rules: { minBallots: 4 },
    });
    expect(campaign.status).toBe(201);
    await vote(campaign.body.id, ['unsatisfied', 'unsatisfied', 'unsatisfied', 'satisfied']);

    const opened = await eventually(async () => {
      const res = await inspector.get('/api/cases?source=evaluation_breach&unitId=unit-b&pageSize=200');
      return (res.body.items as { id: string; source: { ref: string } }[]).find((c) => c.source.ref.startsWith(campaign.body.id));
    }, 30_000, 'the breach case');
    const caseId = opened.id;
    expect((await deptB.post(`/api/cases/${caseId}/acknowledge`, {})).status).toBe(200);
    expect((await deptB.post(`/api/cases/${caseId}/measures`, { measures: [{ description: 'A greeter at the hall door', owner: 'Deputy head', dueDate: new Date(Date.now() + 7 * DAY).toISOString() }] })).status).toBe(200);
    expect((await deptB.post(`/api/cases/${caseId}/report-rectified`, { summary: 'Greeter posted, waiting time halved' })).status).toBe(200);

    const followUp = await eventually(async () => {
      const res = await inspector.get(`/api/evaluations/campaigns?followUpOfCaseId=${caseId}`);
      return (res.body.items as { id: string; title: string; status: string }[])[0];
    }, 30_000, 'the follow-up poll');
    expect(followUp).toMatchObject({ title: 'Follow-up: Township A service hall', status: 'open' });
    await vote(followUp.id, ['satisfied', 'satisfied', 'satisfied', 'basically_satisfied']);

    const resolved = await eventually(async () => {
      const res = await inspector.get(`/api/cases/${caseId}`);
      return res.body.status === 'resolved' && res.body;
    }, 30_000, 'the case resolved by the poll');
    expect(resolved.verifications).toEqual([expect.objectContaining({ outcome: 'passed', basis: 'follow_up_poll' })]);

    const check = (await inspector.get(`/api/cases/${caseId}/cross-check`)).body;
    expect(check.verdict).toBe('consistent');
    expect(check.evidence).toContainEqual(expect.objectContaining({ kind: 'satisfaction_before', detail: expect.objectContaining({ unsatisfiedShare: 0.75, ballots: 4 }) }));
    expect(check.evidence).toContainEqual(expect.objectContaining({
      kind: 'satisfaction_after',
      supportsClaim: true,
      detail: expect.objectContaining({ satisfiedShare: 0.75, unsatisfiedShare: 0, ballots: 4, satisfactionChange: { satisfiedShare: 0.5, unsatisfiedShare: -0.75 } }),
    }));
    const timeline = (await inspector.get(`/api/cases/${caseId}/timeline`)).body.events.map((e: { service: string; type: string }) => `${e.service}:${e.type}`);
    expect(timeline).toEqual(expect.arrayContaining(['evaluations:ThresholdBreached', 'evaluations:CampaignOpened', 'evaluations:TargetRated', 'rectification:VerificationPassed']));
  });
});
