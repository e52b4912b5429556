import { randomUUID } from 'node:crypto';
import { createKafka, parseBrokers } from '@rectify/messaging';
import { ApiClient, eventually, findMessage, readStack } from '@rectify/test-kit';

/**
 * The walking skeleton through the gateway with demo logins: a finding recorded in
 * inspections opens a case in rectification (over real Kafka), which gives the responsible
 * unit a rectification notice in notifications.
 */
describe('finding in → case out → notice out', () => {
  let inspector: ApiClient;
  let deptA: ApiClient;
  let deptB: ApiClient;

  beforeAll(async () => {
    [inspector, deptA, deptB] = await Promise.all([ApiClient.login('inspector'), ApiClient.login('dept-a'), ApiClient.login('dept-b')]);
  });

  const caseForFinding = async (client: ApiClient, findingId: string) => {
    const res = await client.get(`/api/cases?source=inspection_finding&pageSize=200`);
    return (res.body.items as { id: string; source: { ref: string } }[]).filter((c) => c.source.ref === findingId);
  };

  it('refuses requests without a valid token with 401 problem+json', async () => {
    const anonymous = new ApiClient();
    for (const path of ['/api/cases', '/api/units', '/api/notices', '/api/inspections/findings/00000000-0000-4000-8000-000000000000']) {
      const res = await anonymous.get(path);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const forged = new ApiClient(undefined, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.invalid');
    expect((await forged.get('/api/cases')).status).toBe(401);
  });

  it('opens an assigned case for the unit and issues it a rectification notice', async () => {
    const finding = await inspector.post('/api/inspections/findings', {
      unitId: 'unit-a',
      category: 'DISCIPLINE_LAXITY',
      note: 'Service window 3 unstaffed at 09:10; staff playing cards in the back office',
    });
    expect(finding.status).toBe(201);
    const findingId: string = finding.body.id;

    const [listed] = await eventually(async () => (await caseForFinding(inspector, findingId)).length === 1 && caseForFinding(inspector, findingId), 30_000, 'the case');
    const detail = await inspector.get(`/api/cases/${listed.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ unitId: 'unit-a', category: 'DISCIPLINE_LAXITY', status: 'assigned', responsibleUnitId: 'unit-a', source: { kind: 'inspection_finding', ref: findingId } });
    expect(detail.headers.get('etag')).toBe(`"${detail.body.version}"`);

    const notice = await eventually(async () => {
      const res = await deptA.get('/api/notices?type=rectification_notice');
      return (res.body.items as { caseId: string; unitId: string }[]).find((n) => n.caseId === listed.id);
    }, 30_000, 'the notice');
    expect(notice.unitId).toBe('unit-a');

    // Department B sees neither the notice nor the case.
    const other = await deptB.get('/api/notices');
    expect((other.body.items as { caseId?: string }[]).some((n) => n.caseId === listed.id)).toBe(false);
    expect((await deptB.get(`/api/cases/${listed.id}`)).status).toBe(404);
  });

  it('opens one case and one notice when the same finding is delivered again, with the same or a new event id', async () => {
    const finding = await inspector.post('/api/inspections/findings', { unitId: 'unit-a', category: 'SERVICE_ATTITUDE', note: 'Applicant pushed between three windows' });
    const findingId: string = finding.body.id;
    const [opened] = await eventually(async () => (await caseForFinding(inspector, findingId)).length === 1 && caseForFinding(inspector, findingId), 30_000, 'the case');
    await eventually(async () => (await deptA.get('/api/notices')).body.items.some((n: { caseId: string }) => n.caseId === opened.id), 30_000, 'the notice');

    const stack = readStack();
    const topic = `${stack.topicPrefix}inspections.events`;
    const original = await findMessage(topic, (m) => JSON.parse(m.value?.toString() ?? '{}').data?.findingId === findingId);
    const kafka = createKafka({ brokers: parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'), clientId: 'e2e-redeliver' });
    const producer = kafka.producer();
    await producer.connect();
    const envelope = JSON.parse(original.value!.toString());
    await producer.send(topic, [
      { key: original.key, value: original.value, headers: original.headers },
      { key: original.key, value: JSON.stringify({ ...envelope, eventId: randomUUID() }), headers: original.headers },
    ]);
    // A marker finding sent after the copies: once its case exists, the copies were consumed.
    const marker = await inspector.post('/api/inspections/findings', { unitId: 'unit-b', category: 'FORMALISM', note: 'marker' });
    await eventually(async () => (await caseForFinding(inspector, marker.body.id)).length === 1, 30_000, 'the marker case');
    await producer.disconnect();

    expect(await caseForFinding(inspector, findingId)).toHaveLength(1);
    const notices = (await deptA.get('/api/notices?pageSize=200')).body.items.filter((n: { caseId: string }) => n.caseId === opened.id);
    expect(notices).toHaveLength(1);
    expect((await inspector.get(`/api/cases/${opened.id}`)).body.version).toBe(2);
  });
});
