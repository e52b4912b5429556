import { ApiClient, eventually } from '@rectify/test-kit';

/**
 * Issue 5 across the running services, through the gateway: a breach opens a case in
 * rectification over Kafka; a public report is triaged into a case, followed by its receipt
 * code to resolution, and the reporter's "not solved" sends the case back to verification.
 */
jest.setTimeout(120_000);

describe('evaluations across services', () => {
  let inspector: ApiClient;
  let deptA: ApiClient;
  const anonymous = new ApiClient();

  beforeAll(async () => {
    [inspector, deptA] = await Promise.all([ApiClient.login('inspector'), ApiClient.login('dept-a')]);
  });

  const casesFrom = async (kind: string, refPrefix: string) => {
    const res = await inspector.get(`/api/cases?source=${kind}&pageSize=200`);
    return (res.body.items as { id: string; unitId: string; source: { ref: string } }[]).filter((c) => c.source.ref?.startsWith(refPrefix));
  };

  it('opens a case for 35% unsatisfied of 40 ballots and none for 35% of 10 ballots (insufficient_sample)', async () => {
    const campaign = await inspector.post('/api/evaluations/campaigns', {
      title: 'County service windows, spring',
      targets: [{ kind: 'unit', id: 'unit-a' }, { kind: 'unit', id: 'unit-b' }],
      groups: [{ name: 'public', weight: 1 }, { name: 'deputies', weight: 3 }],
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(campaign.status).toBe(201);
    const campaignId: string = campaign.body.id;
    const publicTokens: string[] = (await inspector.post(`/api/evaluations/campaigns/${campaignId}/tokens`, { group: 'public', count: 40 })).body.tokens;
    const deputyTokens: string[] = (await inspector.post(`/api/evaluations/campaigns/${campaignId}/tokens`, { group: 'deputies', count: 5 })).body.tokens;
    for (const [i, token] of publicTokens.entries()) {
      const ratings = [{ targetId: 'unit-a', rating: i < 14 ? 'unsatisfied' : 'satisfied' }];
      if (i < 5) ratings.push({ targetId: 'unit-b', rating: i < 4 ? 'unsatisfied' : 'satisfied' });
      expect((await anonymous.post('/api/public/ballots', { token, ratings })).status).toBe(201);
    }
    for (const [i, token] of deputyTokens.entries()) {
      expect((await anonymous.post('/api/public/ballots', { token, ratings: [{ targetId: 'unit-b', rating: i < 1 ? 'unsatisfied' : 'satisfied' }] })).status).toBe(201);
    }

    const closed = await inspector.post(`/api/evaluations/campaigns/${campaignId}/close`);

    expect(closed.status).toBe(200);
    const results = (await inspector.get(`/api/evaluations/campaigns/${campaignId}/results`)).body.targets as { targetId: string }[];
    expect(results.find((r) => r.targetId === 'unit-a')).toMatchObject({ ballots: 40, unsatisfiedShare: 0.35, breach: true });
    expect(results.find((r) => r.targetId === 'unit-b')).toMatchObject({ ballots: 10, unsatisfiedShare: 0.35, breach: false, insufficientSample: true });
    const [opened] = await eventually(async () => {
      const found = await casesFrom('evaluation_breach', campaignId);
      return found.length > 0 && found;
    }, 30_000, 'the breach case');
    expect(opened.unitId).toBe('unit-a');
    expect(await casesFrom('evaluation_breach', campaignId)).toHaveLength(1);
  });

  it('takes a report from receipt to a case, follows it to resolution, and sends it back to verification on "not solved"', async () => {
    const submitted = await anonymous.post('/api/public/reports', {
      description: 'At the transport bureau the clerk asked for cigarettes before processing my licence.',
      unitId: 'unit-a',
      category: 'FAVOR_SEEKING',
      channel: 'web',
    });
    expect(submitted.status).toBe(201);
    const receiptCode: string = submitted.body.receiptCode;
    expect((await anonymous.get(`/api/public/reports/${receiptCode}`)).body).toEqual({ status: 'received' });

    const queued = await eventually(async () => {
      const res = await inspector.get('/api/evaluations/reports?status=received&pageSize=200');
      return (res.body.items as { id: string; category: string }[]).find((r) => r.category === 'FAVOR_SEEKING');
    }, 30_000, 'the report in the triage queue');
    const triaged = await inspector.post(`/api/evaluations/reports/${queued.id}/triage`, { decision: 'open_case', summary: 'Favours asked before licence processing' });
    expect(triaged.status).toBe(200);

    // Rectification opens the case from ReportTriaged; its CaseOpened links the report.
    const report = await eventually(async () => {
      const res = await inspector.get(`/api/evaluations/reports/${queued.id}`);
      return res.body.status === 'case_opened' && res.body;
    }, 30_000, 'the report linked to its case');
    const caseId: string = report.caseId;
    expect((await anonymous.get(`/api/public/reports/${receiptCode}`)).body).toEqual({ status: 'case_opened' });

    const dueDate = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect((await deptA.post(`/api/cases/${caseId}/acknowledge`, {})).status).toBe(200);
    expect((await deptA.post(`/api/cases/${caseId}/measures`, { measures: [{ description: 'Publish the fee list at every window', owner: 'Director', dueDate }] })).status).toBe(200);
    expect((await deptA.post(`/api/cases/${caseId}/report-rectified`, { summary: 'Fee list published; clerk transferred' })).status).toBe(200);
    await eventually(async () => (await inspector.get(`/api/cases/${caseId}`)).body.status === 'verifying', 30_000, 'the case in verification');
    expect((await inspector.post(`/api/cases/${caseId}/verify`, { outcome: 'passed', basis: 'on_site_check', note: 'Checked on site' })).status).toBe(200);

    await eventually(async () => (await inspector.get(`/api/evaluations/reports/${queued.id}`)).body.status === 'resolved', 30_000, 'the report resolved');
    expect((await anonymous.get(`/api/public/reports/${receiptCode}`)).body).toEqual({ status: 'resolved' });

    const feedback = await anonymous.post(`/api/public/reports/${receiptCode}/feedback`, { solved: false, comment: 'Asked again last Monday' });

    expect(feedback.status).toBe(200);
    await eventually(async () => (await inspector.get(`/api/cases/${caseId}`)).body.status === 'verifying', 30_000, 'the case back in verification');
  });

  it('answers unknown receipt codes with 404 and refuses an unknown ballot token', async () => {
    expect((await anonymous.get('/api/public/reports/00000000000000000000')).status).toBe(404);
    const ballot = await anonymous.post('/api/public/ballots', { token: 'a'.repeat(26), ratings: [{ targetId: 'unit-a', rating: 'satisfied' }] });
    expect(ballot.status).toBe(404);
  });
});
