import { randomUUID } from 'node:crypto';
import { ApiClient, eventually, findMessage, readStack } from '@rectify/test-kit';

/**
 * Issue 4 through the gateway with demo logins and the running services: sealed plans stay
 * sealed (HTTP and Kafka), a visit's finding opens a case and a notice, an Idempotency-Key
 * retry writes nothing, and a case reported rectified becomes a re-inspection task.
 */
describe('inspections through the running stack', () => {
  let inspector: ApiClient;
  let inspectorId: string;
  let deptA: ApiClient;

  const hour = 3_600_000;
  const plan = () => ({
    title: 'Unannounced check of service windows',
    mode: 'unannounced',
    scope: 'spot',
    targetUnitIds: ['unit-a'],
    window: { from: new Date(Date.now() - hour).toISOString(), to: new Date(Date.now() + 48 * hour).toISOString() },
    team: [inspectorId],
    checklist: ['DISCIPLINE_LAXITY', 'SERVICE_ATTITUDE'],
  });
  const casesFor = async (ref: string) =>
    ((await inspector.get('/api/cases?pageSize=200')).body.items as { id: string; source: { ref: string } }[]).filter((c) => c.source?.ref === ref);

  beforeAll(async () => {
    const login = await new ApiClient().post('/api/auth/login', { username: 'inspector', password: process.env.DEMO_PASSWORD ?? 'rectify-demo' });
    inspectorId = login.body.user.id;
    [inspector, deptA] = await Promise.all([ApiClient.login('inspector'), ApiClient.login('dept-a')]);
  });

  it('keeps a sealed plan from the department and from inspections.events until the visit', async () => {
    const created = await inspector.post('/api/inspections/plans', plan());
    expect(created.status).toBe(201);
    const planId: string = created.body.id;

    expect((await deptA.get(`/api/inspections/plans/${planId}`)).status).toBe(404);
    expect((await deptA.get('/api/inspections/plans?pageSize=200')).body.items.some((p: { id: string }) => p.id === planId)).toBe(false);

    const planned = await findMessage(`${readStack().topicPrefix}inspections.events`, (m) => m.key?.toString() === `plan-${planId}`);
    const envelope = JSON.parse(planned.value!.toString());
    expect(envelope.data).toEqual({ planId, mode: 'unannounced', scope: 'spot', sealed: true });
    expect(planned.value!.toString()).not.toMatch(/unit-a|window|targetUnitIds/);
  });

  it('turns a visit finding into one case and one notice, even when the visit is posted twice with one Idempotency-Key', async () => {
    const planId: string = (await inspector.post('/api/inspections/plans', plan())).body.id;
    const visit = {
      unitId: 'unit-a',
      arrivedAt: new Date(Date.now() - 60_000).toISOString(),
      onArrival: { staffPresent: 1, staffAbsent: 2 },
      observations: [
        { category: 'DISCIPLINE_LAXITY', compliant: false, note: 'two of three window clerks absent at 09:05', evidence: ['photo-1'] },
        { category: 'SERVICE_ATTITUDE', compliant: true },
      ],
    };
    const disclosedNotices = async () => (await deptA.get('/api/notices?type=inspection_disclosed&pageSize=200')).body.total as number;
    const disclosedBefore = await disclosedNotices();
    const key = randomUUID();
    const first = await inspector.post(`/api/inspections/plans/${planId}/visits`, visit, { 'idempotency-key': key });
    const second = await inspector.post(`/api/inspections/plans/${planId}/visits`, visit, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const findingId: string = first.body.findings[0].id;

    const [opened] = await eventually(async () => ((await casesFor(findingId)).length ? casesFor(findingId) : undefined), 30_000, 'the case');
    await eventually(async () => (await deptA.get('/api/notices?pageSize=200')).body.items.some((n: { caseId: string }) => n.caseId === opened.id), 30_000, 'the notice');
    // The disclosed plan is now visible to the visited unit, and notifications told it so.
    expect((await deptA.get(`/api/inspections/plans/${planId}`)).status).toBe(200);
    await eventually(async () => (await disclosedNotices()) === disclosedBefore + 1, 30_000, 'the inspection_disclosed notice');

    const marker = await inspector.post('/api/inspections/findings', { unitId: 'unit-b', category: 'FORMALISM', note: 'marker' });
    await eventually(async () => (await casesFor(marker.body.id)).length === 1, 30_000, 'the marker case');
    expect(await casesFor(findingId)).toHaveLength(1);
  });

  describe('re-inspection of a case reported rectified', () => {
    const rectifiedCase = async (category: string) => {
      const finding = await inspector.post('/api/inspections/findings', { unitId: 'unit-a', category, note: `re-inspection flow ${randomUUID()}` });
      const [opened] = await eventually(async () => ((await casesFor(finding.body.id)).length ? casesFor(finding.body.id) : undefined), 30_000, 'the case');
      expect((await deptA.post(`/api/cases/${opened.id}/acknowledge`, {})).status).toBe(200);
      const due = new Date(Date.now() + 5 * 24 * hour).toISOString();
      expect((await deptA.post(`/api/cases/${opened.id}/measures`, { measures: [{ description: 'duty roster at every window', owner: 'office head', dueDate: due }] })).status).toBe(200);
      expect((await deptA.post(`/api/cases/${opened.id}/report-rectified`, { summary: 'roster in force since Monday' })).status).toBe(200);
      const task = await eventually(async () => {
        const res = await inspector.get(`/api/inspections/reinspections?status=requested&caseId=${opened.id}`);
        return res.body.items?.[0] as { id: string; caseId: string; unitId: string; status: string } | undefined;
      }, 30_000, 'the re-inspection task');
      expect(task).toMatchObject({ caseId: opened.id, unitId: 'unit-a', status: 'requested' });
      return { caseId: opened.id, taskId: task.id };
    };
    const caseStatus = async (caseId: string, status: string) =>
      eventually(async () => {
        const res = await inspector.get(`/api/cases/${caseId}`);
        return res.body.status === status && res.body;
      }, 30_000, `case ${caseId} ${status}`);

    it('returns the case to rectifying when the re-inspection finds the problem persists', async () => {
      const { caseId, taskId } = await rectifiedCase('DISCIPLINE_LAXITY');
      expect((await deptA.post(`/api/inspections/reinspections/${taskId}/result`, { outcome: 'resolved', note: 'we say so' })).status).toBe(403);
      const result = await inspector.post(`/api/inspections/reinspections/${taskId}/result`, { outcome: 'persists', note: 'window 3 unstaffed again' });
      expect(result.status).toBe(200);
      expect((await caseStatus(caseId, 'rectifying')).returnCount).toBe(1);
    });

    it('resolves the case when the re-inspection finds it resolved', async () => {
      const { caseId, taskId } = await rectifiedCase('SERVICE_ATTITUDE');
      expect((await inspector.post(`/api/inspections/reinspections/${taskId}/result`, { outcome: 'resolved', note: 'all windows staffed' })).status).toBe(200);
      await caseStatus(caseId, 'resolved');
    });
  });
});
