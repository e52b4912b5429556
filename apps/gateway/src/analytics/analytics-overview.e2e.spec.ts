import { ApiClient, eventually } from '@rectify/test-kit';

/**
 * The overview through the gateway of the running stack: a unit of its own (so that other tests'
 * cases, visits and campaigns stay out of its figures), a case resolved and one left open, an
 * unannounced visit and a closed campaign; its department sees exactly them, an analyst sees them
 * among everyone's.
 */
describe('GET /api/analytics/overview (the running services, through the gateway)', () => {
  const unitId = `unit-an-${Date.now().toString(36)}`;
  const password = 'analytics-e2e-password';
  const DAY = 86_400_000;
  let admin: ApiClient;
  let inspector: ApiClient;
  let analyst: ApiClient;
  let department: ApiClient;
  let campaignId: string;

  beforeAll(async () => {
    [admin, analyst] = await Promise.all([ApiClient.login('admin'), ApiClient.login('analyst')]);
    // The inspector's user id goes on the plan's team.
    const login = await new ApiClient().post<{ accessToken: string; user: { id: string } }>('/api/auth/login', { username: 'inspector', password: process.env.DEMO_PASSWORD ?? 'rectify-demo' });
    inspector = new ApiClient(undefined, login.body.accessToken);
    expect((await admin.post('/api/units', { id: unitId, name: 'Analytics Test Bureau', parentId: 'county' })).status).toBe(201);
    expect((await admin.post('/api/users', { username: unitId, password, role: 'department', unitId })).status).toBe(201);
    department = await ApiClient.login(unitId, password);

    const openCase = (category: string) =>
      eventually(async () => {
        const res = await inspector.post('/api/cases', { unitId, category, title: `${category} at the bureau`, description: 'seen on a visit', source: { kind: 'manual' } });
        return res.status === 201 && (res.body.id as string);
      }, 30_000, 'the new unit to reach rectification');
    const resolved = await openCase('PROCRASTINATION');
    await openCase('FORMALISM');
    const step = async (client: ApiClient, command: string, body: object) => expect((await client.post(`/api/cases/${resolved}/${command}`, body)).status).toBe(200);
    await step(inspector, 'assign', { responsibleUnitId: unitId, responsiblePerson: 'Director Wang' });
    await step(department, 'acknowledge', {});
    await step(department, 'measures', { measures: [{ description: 'Answer every permit within 10 days', owner: 'Deputy Li', dueDate: new Date(Date.now() + 5 * DAY).toISOString() }] });
    await step(department, 'report-rectified', { summary: 'Backlog cleared' });
    await step(inspector, 'verify', { outcome: 'passed', basis: 'on_site_check', note: 'no permit older than 10 days' });

    const planId = await eventually(async () => {
      const res = await inspector.post('/api/inspections/plans', {
        title: 'Permit office, unannounced', mode: 'unannounced', scope: 'spot', targetUnitIds: [unitId],
        window: { from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() },
        team: [login.body.user.id], checklist: ['PROCRASTINATION'],
      });
      return res.status === 201 && (res.body.id as string);
    }, 30_000, 'the new unit to reach inspections');
    const visit = await inspector.post(`/api/inspections/plans/${planId}/visits`, {
      unitId, arrivedAt: new Date(Date.now() - 60_000).toISOString(), observations: [{ category: 'PROCRASTINATION', compliant: true }],
    });
    expect(visit.status).toBe(201);

    const campaign = await inspector.post('/api/evaluations/campaigns', {
      title: 'Permit office satisfaction', targets: [{ kind: 'unit', id: unitId }], groups: [{ name: 'public', weight: 1 }],
      opensAt: new Date(Date.now() - 3_600_000).toISOString(), closesAt: new Date(Date.now() + DAY).toISOString(),
      rules: { unsatisfiedAbove: 0.3, satisfiedBelow: 0.6, minBallots: 2 },
    });
    expect(campaign.status).toBe(201);
    campaignId = campaign.body.id;
    const { tokens } = (await inspector.post(`/api/evaluations/campaigns/${campaignId}/tokens`, { group: 'public', count: 4 })).body;
    for (const [i, token] of (tokens as string[]).entries()) {
      expect((await new ApiClient().post('/api/public/ballots', { token, ratings: [{ targetId: unitId, rating: i < 3 ? 'satisfied' : 'unsatisfied' }] })).status).toBe(201);
    }
    expect((await inspector.post(`/api/evaluations/campaigns/${campaignId}/close`)).status).toBe(200);
  });

  // Each service's read models follow its log; poll until all three parts show this unit's facts.
  const overviewOnceSettled = (client: ApiClient) =>
    eventually(async () => {
      const res = await client.get('/api/analytics/overview');
      expect(res.status).toBe(200);
      const mine = res.body.cases.byUnit.find((u: { unitId: string }) => u.unitId === unitId);
      const satisfaction = res.body.satisfaction.find((u: { unitId: string }) => u.unitId === unitId);
      return mine?.total === 2 && mine.open === 1 && satisfaction && res.body.inspections.visits >= 1 && res.body;
    }, 30_000, 'the overview to show the unit');

  it('gives the department its own unit\'s figures, merged from the three services', async () => {
    const body = await overviewOnceSettled(department);
    expect(Object.keys(body).sort()).toEqual(['cases', 'from', 'inspections', 'satisfaction', 'to']);
    expect(Date.parse(body.to) - Date.parse(body.from)).toBe(90 * DAY);
    expect(body.cases).toMatchObject({
      total: 2,
      byUnit: [{ unitId, total: 2, open: 1, overdue: 0 }],
      overdueRate: 0,
      returnRate: 0,
      reopenRate: 0,
    });
    expect(body.cases.byStatus).toMatchObject({ resolved: 1, registered: 1 });
    expect(body.cases.byCategory).toMatchObject({ PROCRASTINATION: 1, FORMALISM: 1 });
    expect(body.cases.medianDaysToResolve).toBeGreaterThan(0);
    expect(body.cases.overdueTrend.filter((w: { rate: number | null }) => w.rate !== null)).toEqual([{ week: expect.stringMatching(/^\d{4}-W\d{2}$/), rate: 0 }]);
    expect(body.inspections).toEqual({ visits: 1, unannounced: 1, unannouncedShare: 1 });
    expect(body.satisfaction).toEqual([{ unitId, points: [{ campaignId, closedAt: expect.any(String), satisfiedShare: 0.75 }] }]);
  });

  it('gives an analyst every unit, this one among them', async () => {
    const body = await overviewOnceSettled(analyst);
    expect(body.cases.total).toBeGreaterThanOrEqual(2);
    expect(body.cases.byUnit).toContainEqual({ unitId, total: 2, open: 1, overdue: 0 });
    expect(body.inspections.visits).toBeGreaterThanOrEqual(1);
    expect(body.satisfaction).toContainEqual({ unitId, points: [{ campaignId, closedAt: expect.any(String), satisfiedShare: 0.75 }] });
  });

  it('answers 400 problem+json naming `from` when it is after `to`', async () => {
    const res = await analyst.get('/api/analytics/overview?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ field: 'from', message: expect.any(String) }]);
  });
});
