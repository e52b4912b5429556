import { ApiClient, eventually } from '@rectify/test-kit';

/**
 * A manual case through the gateway with demo logins: the commission assigns it, the
 * department works it under If-Match, an independent inspector verifies it, and every role
 * sees only what it may.
 */
describe('a case through the gateway', () => {
  let inspector: ApiClient;
  let deptA: ApiClient;
  let deptB: ApiClient;
  let analyst: ApiClient;

  beforeAll(async () => {
    [inspector, deptA, deptB, analyst] = await Promise.all(['inspector', 'dept-a', 'dept-b', 'analyst'].map((u) => ApiClient.login(u)));
  });

  const act = async (client: ApiClient, id: string, name: string, body: object = {}) => {
    const current = await inspector.get(`/api/cases/${id}`);
    return client.post(`/api/cases/${id}/${name}`, body, { 'if-match': current.headers.get('etag')! });
  };

  it('goes from registered to resolved with a verification request on the way, scoped by unit and role', async () => {
    const opened = await inspector.post('/api/cases', { unitId: 'unit-a', category: 'PROCRASTINATION', title: 'Permit stalled', description: 'Three months, no answer', source: { kind: 'manual' } });
    expect(opened.status).toBe(201);
    const id: string = opened.body.id;

    expect((await act(inspector, id, 'assign', { responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang' })).body.status).toBe('assigned');
    expect((await act(analyst, id, 'acknowledge')).status).toBe(403);
    expect((await act(deptB, id, 'acknowledge')).status).toBe(404);
    expect((await act(deptA, id, 'acknowledge')).body.status).toBe('acknowledged');
    const stale = await deptA.post(`/api/cases/${id}/progress`, { note: 'x' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect((await act(deptA, id, 'measures', { measures: [{ description: 'Answer within 5 days', owner: 'Deputy Li', dueDate: new Date(Date.now() + 5 * 86_400_000).toISOString() }] })).body.status).toBe('rectifying');
    expect((await act(deptA, id, 'report-rectified', { summary: 'Permit issued' })).body.status).toBe('verifying');
    expect((await act(deptA, id, 'verify', { outcome: 'passed', basis: 'on_site_check', note: 'we say so' })).status).toBe(403);
    expect((await act(inspector, id, 'verify', { outcome: 'passed', basis: 'on_site_check', note: 'applicant confirms' })).body.status).toBe('resolved');

    const timeline = await deptA.get(`/api/cases/${id}/timeline`);
    expect(timeline.body.events.map((e: { type: string }) => e.type)).toEqual([
      'CaseOpened', 'CaseAssigned', 'CaseAcknowledged', 'MeasuresSubmitted', 'RectificationReported', 'VerificationRequested', 'VerificationPassed', 'CaseResolved', 'LookBackScheduled',
    ]);
    const listed = await eventually(async () => {
      const res = await deptA.get('/api/cases?status=resolved&pageSize=200');
      return res.body.items.find((c: { id: string }) => c.id === id);
    }, 20_000, 'the resolved case in the list');
    expect(listed).toMatchObject({ status: 'resolved', unitId: 'unit-a' });
    expect((await deptB.get('/api/cases?pageSize=200')).body.items.some((c: { id: string }) => c.id === id)).toBe(false);
    expect((await analyst.get(`/api/cases/${id}/state?version=2`)).body).toMatchObject({ status: 'assigned', version: 2 });
    expect((await analyst.get(`/api/cases/${id}/integrity`)).body).toMatchObject({ ok: true, checked: 9 });
  });
});
