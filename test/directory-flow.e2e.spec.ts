import { ApiClient, eventually } from '@rectify/test-kit';

/**
 * The directory feed end to end: what an admin changes in the gateway reaches rectification and
 * notifications over Kafka — a new unit becomes assignable, a category's time limit becomes the
 * default deadline, and a bulletin reaches every unit including the new one.
 */
describe('directory changes reach the services', () => {
  let admin: ApiClient;
  let inspector: ApiClient;
  const unitId = `unit-d-${Date.now().toString(36)}`;
  const DAY = 86_400_000;

  beforeAll(async () => {
    [admin, inspector] = await Promise.all([ApiClient.login('admin'), ApiClient.login('inspector')]);
  });

  const openCase = async (category = 'PROCRASTINATION') => {
    const res = await inspector.post('/api/cases', { unitId: 'unit-a', category, title: 'Licence stalled', description: 'Four months, no answer', source: { kind: 'manual' } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('refuses to open a case for a unit the directory does not know, naming the field', async () => {
    const res = await inspector.post('/api/cases', { unitId: 'no-such-unit', category: 'FORMALISM', title: 't', description: 'd', source: { kind: 'manual' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'unitId', message: expect.stringContaining('no-such-unit') }]);
    const listed = await inspector.get('/api/cases?unitId=no-such-unit');
    expect(listed.body.total).toBe(0);
  });

  it('refuses to assign a case to a unit the directory does not know, naming the field, and writes nothing', async () => {
    const caseId = await openCase();
    const before = (await inspector.get(`/api/cases/${caseId}`)).body.version;
    const res = await inspector.post(`/api/cases/${caseId}/assign`, { responsibleUnitId: 'no-such-unit', responsiblePerson: 'Director Li' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ field: 'responsibleUnitId', message: expect.stringContaining('no-such-unit') }]);
    expect((await inspector.get(`/api/cases/${caseId}`)).body.version).toBe(before);
  });

  it('makes a unit created by the admin assignable, with the time limit the admin set for the category', async () => {
    expect((await admin.post('/api/units', { id: unitId, name: 'County Transport Bureau, Window D', parentId: 'unit-a' })).status).toBe(201);
    expect((await admin.put('/api/taxonomy/STUDY_NEGLECT', { severity: 'general', days: 12 })).status).toBe(200);
    const caseId = await openCase('STUDY_NEGLECT');

    const assigned = await eventually(async () => {
      const res = await inspector.post(`/api/cases/${caseId}/assign`, { responsibleUnitId: unitId, responsiblePerson: 'Section chief Zhao' });
      return res.status === 200 && res.body;
    }, 30_000, 'the new unit to reach rectification');
    expect(assigned.status).toBe('assigned');
    // The 12-day limit reaches rectification on the same feed; until then the 30-day default applies.
    const settled = await eventually(async () => {
      const other = await openCase('STUDY_NEGLECT');
      const res = await inspector.post(`/api/cases/${other}/assign`, { responsibleUnitId: unitId, responsiblePerson: 'Section chief Zhao' });
      const deadline = (await inspector.get(`/api/cases/${other}`)).body.deadline as string;
      return res.status === 200 && Math.abs((Date.parse(deadline) - Date.now()) / DAY - 12) < 0.01 && deadline;
    }, 30_000, 'the 12-day limit');
    expect(settled).toBeTruthy();
  });

  it("gives a campaign opened without rules the admin's default thresholds", async () => {
    const set = { unsatisfiedAbove: 0.25, satisfiedBelow: 0.7, minBallots: 15 };
    const rulesOfANewCampaign = async () => {
      const opened = await inspector.post('/api/evaluations/campaigns', {
        title: 'Window satisfaction, directory test', targets: [{ kind: 'unit', id: 'unit-c' }], groups: [{ name: 'public', weight: 1 }],
        opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 7 * DAY).toISOString(),
      });
      expect(opened.status).toBe(201);
      return (await inspector.get(`/api/evaluations/campaigns/${opened.body.id}`)).body.rules;
    };
    expect((await admin.put('/api/settings/thresholds', set)).status).toBe(200);
    try {
      const rules = await eventually(async () => {
        const current = await rulesOfANewCampaign();
        return current.minBallots === 15 && current;
      }, 30_000, 'the thresholds to reach evaluations');
      expect(rules).toEqual(set);
    } finally {
      // Other specs share this stack and expect DESIGN's defaults: restore them and wait until they hold.
      await admin.put('/api/settings/thresholds', { unsatisfiedAbove: 0.3, satisfiedBelow: 0.6, minBallots: 20 });
      await eventually(async () => (await rulesOfANewCampaign()).minBallots === 20, 30_000, 'the default thresholds back in evaluations');
    }
  });

  it('sends a published bulletin to every unit, the new one included', async () => {
    const caseId = await openCase('FORMALISM');
    expect((await inspector.post(`/api/cases/${caseId}/assign`, { responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang' })).status).toBe(200);
    const published = await inspector.post(`/api/cases/${caseId}/bulletin`, { summary: 'Meetings instead of results: admonishment talk held.' });
    expect(published.status).toBe(200);

    // Every unit of the directory, however many other specs sharing this stack have added.
    const everyUnit = ((await admin.get('/api/units')).body.items as { id: string }[]).map((u) => u.id).sort();
    expect(everyUnit).toEqual(expect.arrayContaining(['county', 'unit-a', 'unit-b', 'unit-c', unitId]));
    const recipients = await eventually(async () => {
      const res = await inspector.get('/api/notices?type=bulletin&pageSize=200');
      const units = new Set((res.body.items as { caseId: string; unitId: string }[]).filter((n) => n.caseId === caseId).map((n) => n.unitId));
      return units.size >= everyUnit.length && units;
    }, 30_000, 'bulletins to every unit');
    expect([...recipients].sort()).toEqual(everyUnit);

    const deptB = await ApiClient.login('dept-b');
    const inbox = await deptB.get('/api/notices?type=bulletin&pageSize=200');
    expect((inbox.body.items as { caseId: string; unitId: string }[]).filter((n) => n.caseId === caseId).map((n) => n.unitId)).toEqual(['unit-b']);

    const deptA = await ApiClient.login('dept-a');
    expect((await deptA.post(`/api/cases/${caseId}/bulletin`, { summary: 'self-praise' })).status).toBe(403);
  });
});
