import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AuthUser, TokenService } from '@rectify/auth';
import { toEnvelope } from '@rectify/contracts';
import { PG_POOL } from '@rectify/database';
import { createHttpApp } from '@rectify/http';
import { createKafka, MessagingLifecycle, parseBrokers } from '@rectify/messaging';
import { dropTestDatabase, envelopeOf, eventually, feedDirectory, readTopic } from '@rectify/test-kit';
import type { Pool } from 'pg';
import request from 'supertest';
import { AppModule } from './app.module';

jest.setTimeout(90_000);

const PREFIX = 'rectify_test_insp';
const TOPIC_PREFIX = `test-insp-${randomUUID().slice(0, 8)}.`;
const brokers = () => parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092');

const users: Record<string, AuthUser> = {
  lead: { id: randomUUID(), username: 'inspector', role: 'inspector', unitId: null },
  member: { id: randomUUID(), username: 'inspector2', role: 'inspector', unitId: null },
  outsider: { id: randomUUID(), username: 'inspector3', role: 'inspector', unitId: null },
  admin: { id: randomUUID(), username: 'admin', role: 'admin', unitId: null },
  deptA: { id: randomUUID(), username: 'dept-a', role: 'department', unitId: 'unit-a' },
  analyst: { id: randomUUID(), username: 'analyst', role: 'analyst', unitId: null },
};




describe('inspections service (real PostgreSQL and Kafka)', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  let tokens: Record<string, string>;

  const api = (who: keyof typeof users) => {
    const auth = (r: request.Test) => r.set('authorization', `Bearer ${tokens[who]}`);
    return {
      get: (path: string) => auth(request(app.getHttpServer()).get(path)),
      post: (path: string, body: object, headers: Record<string, string> = {}) => auth(request(app.getHttpServer()).post(path)).set(headers).send(body),
    };
  };
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
  const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const past = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  const plan = (overrides: object = {}) => ({
    title: 'Service windows of the transport bureau',
    mode: 'unannounced',
    scope: 'spot',
    targetUnitIds: ['unit-a', 'unit-b'],
    window: { from: past(60), to: future(7) },
    team: [users.lead.id, users.member.id],
    checklist: ['DISCIPLINE_LAXITY', 'SERVICE_ATTITUDE'],
    ...overrides,
  });
  const visit = (overrides: object = {}) => ({
    unitId: 'unit-a',
    arrivedAt: past(5),
    onArrival: { staffPresent: 2, staffAbsent: 1 },
    observations: [
      { category: 'DISCIPLINE_LAXITY', compliant: false, note: 'window 3 unstaffed at 09:10', evidence: ['photo-17'] },
      { category: 'SERVICE_ATTITUDE', compliant: true },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    Object.assign(process.env, { JWT_SECRET: 'inspections-int-test-secret-0123456789', DATABASE_NAME_PREFIX: PREFIX, KAFKA_TOPIC_PREFIX: TOPIC_PREFIX });
    await dropTestDatabase(`${PREFIX}_inspections`);
    app = await createHttpApp(AppModule, { name: 'inspections', logLevel: 'error' });
    await app.init();
    await app.get(MessagingLifecycle).ready();
    pool = app.get(PG_POOL);
    await feedDirectory({ topicPrefix: TOPIC_PREFIX, pool });
    const signer = app.get(TokenService);
    tokens = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, signer.sign(u)]));
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('sealed plans', () => {
    let planId: string;

    beforeAll(async () => {
      const res = await api('lead').post('/api/inspections/plans', plan()).expect(201);
      planId = res.body.id;
      // Lists are projections: wait until the plan is listed at all, so that "omitted" means something.
      await eventually(async () => (await api('admin').get('/api/inspections/plans?pageSize=200')).body.items.some((p: { id: string }) => p.id === planId), 10_000, 'the listed plan');
    });

    it('are invisible to a department user on every endpoint', async () => {
      await api('deptA').get(`/api/inspections/plans/${planId}`).expect(404);
      const list = await api('deptA').get('/api/inspections/plans?pageSize=200').expect(200);
      expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(planId);
      await api('deptA').post(`/api/inspections/plans/${planId}/visits`, visit()).expect(403);
      await api('deptA').get('/api/inspections/sealed-plan-reads').expect(403);
    });

    it('are invisible to inspectors and analysts outside the team', async () => {
      await api('outsider').get(`/api/inspections/plans/${planId}`).expect(404);
      await api('analyst').get(`/api/inspections/plans/${planId}`).expect(404);
      const list = await api('outsider').get('/api/inspections/plans?pageSize=200').expect(200);
      expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(planId);
      const teamList = await api('member').get('/api/inspections/plans?pageSize=200').expect(200);
      expect(teamList.body.items.map((p: { id: string }) => p.id)).toContain(planId);
    });

    it('are readable by the team and admins, and every such read is listed for admins', async () => {
      const read = await api('member').get(`/api/inspections/plans/${planId}`).expect(200);
      expect(read.body).toMatchObject({ id: planId, sealed: true, targetUnitIds: ['unit-a', 'unit-b'] });
      await api('admin').get(`/api/inspections/plans/${planId}`).expect(200);

      const audit = await api('admin').get(`/api/inspections/sealed-plan-reads?planId=${planId}`).expect(200);
      expect(audit.body.items.map((r: { userId: string }) => r.userId)).toEqual(expect.arrayContaining([users.member.id, users.admin.id]));
      await api('lead').get('/api/inspections/sealed-plan-reads').expect(403);
    });

    it('reach inspections.events without title, targets or window, while the log keeps them', async () => {
      const topic = `${TOPIC_PREFIX}inspections.events`;
      const messages = await readTopic(topic, (ms) => ms.some((m) => envelopeOf(m).data?.planId === planId));
      const published = messages.map(envelopeOf).filter((e) => e.streamId === `plan-${planId}`);
      expect(published[0]).toMatchObject({ type: 'InspectionPlanned', data: { planId, mode: 'unannounced', scope: 'spot', sealed: true } });
      const raw = messages.filter((m) => envelopeOf(m).streamId === `plan-${planId}`).map((m) => m.value!.toString()).join('\n');
      for (const secret of ['unit-a', 'unit-b', 'window', 'targetUnitIds', 'checklist', 'DISCIPLINE_LAXITY', 'transport', 'team']) expect(raw).not.toContain(secret);

      const { rows } = await pool.query(`SELECT data::text FROM events WHERE stream_id = $1 AND type = 'InspectionPlanned'`, [`plan-${planId}`]);
      expect(JSON.parse(rows[0].data)).toMatchObject({ targetUnitIds: ['unit-a', 'unit-b'], window: expect.any(Object) });
    });

    it('is disclosed to the visited unit after the visit, and only to it', async () => {
      await api('lead').post(`/api/inspections/plans/${planId}/visits`, visit()).expect(201);

      const a = await api('deptA').get(`/api/inspections/plans/${planId}`).expect(200);
      expect(a.body.targetUnitIds).toEqual(['unit-a']);
      const messages = await readTopic(`${TOPIC_PREFIX}inspections.events`, (ms) => ms.some((m) => envelopeOf(m).type === 'InspectionDisclosed' && envelopeOf(m).data.planId === planId));
      const disclosed = messages.map(envelopeOf).find((e) => e.type === 'InspectionDisclosed' && e.data.planId === planId);
      expect(disclosed.data).toMatchObject({ unitId: 'unit-a', mode: 'unannounced' });
      // unit-b has not been visited yet: its part of the plan stays sealed.
      expect(JSON.stringify(messages.map(envelopeOf).filter((e) => e.streamId === `plan-${planId}`))).not.toContain('unit-b');
    });
  });

  describe('visits', () => {
    it('posted twice with the same Idempotency-Key record one visit and one finding and answer the same', async () => {
      const planId = (await api('lead').post('/api/inspections/plans', plan()).expect(201)).body.id;
      const key = randomUUID();
      const first = await api('lead').post(`/api/inspections/plans/${planId}/visits`, visit(), { 'idempotency-key': key }).expect(201);
      const before = await eventCount();
      const second = await api('lead').post(`/api/inspections/plans/${planId}/visits`, visit(), { 'idempotency-key': key }).expect(201);

      expect(second.body).toEqual(first.body);
      expect(first.body.findings).toEqual([{ id: expect.any(String), category: 'DISCIPLINE_LAXITY' }]);
      expect(await eventCount()).toBe(before);
      const { rows } = await pool.query(`SELECT type FROM events WHERE stream_id = $1 OR stream_id = $2`, [`plan-${planId}`, `finding-${first.body.findings[0].id}`]);
      expect(rows.map((r) => r.type).sort()).toEqual(['FindingRecorded', 'InspectionDisclosed', 'InspectionPlanned', 'VisitRecorded']);
    });

    it('refuses a visit with a stale If-Match with 409 and writes nothing', async () => {
      const planId = (await api('lead').post('/api/inspections/plans', plan()).expect(201)).body.id;
      const read = await api('lead').get(`/api/inspections/plans/${planId}`).expect(200);
      expect(read.headers.etag).toBe('"1"');
      const before = await eventCount();
      await api('lead').post(`/api/inspections/plans/${planId}/visits`, visit(), { 'if-match': '"0"' }).expect(409);
      expect(await eventCount()).toBe(before);
      await api('lead').post(`/api/inspections/plans/${planId}/visits`, visit(), { 'if-match': read.headers.etag }).expect(201);
    });

    it('records one finding when POST /findings is retried with the same Idempotency-Key', async () => {
      const key = randomUUID();
      const body = { unitId: 'unit-b', category: 'FORMALISM', note: 'meeting minutes copied from last year' };
      const first = await api('lead').post('/api/inspections/findings', body, { 'idempotency-key': key }).expect(201);
      const before = await eventCount();
      const second = await api('lead').post('/api/inspections/findings', body, { 'idempotency-key': key }).expect(201);
      expect(second.body).toEqual(first.body);
      expect(await eventCount()).toBe(before);
    });

    it.each([
      ['by someone not on the team', 'outsider', {}, 403, 'VISIT.NOT_ON_TEAM'],
      ['to a unit not targeted', 'lead', { unitId: 'unit-c' }, 422, 'VISIT.UNIT_NOT_TARGETED'],
    ] as const)('refuses a visit %s and writes nothing', async (_name, who, overrides, status, code) => {
      const planId = (await api('lead').post('/api/inspections/plans', plan()).expect(201)).body.id;
      const before = await eventCount();
      const res = await api(who).post(`/api/inspections/plans/${planId}/visits`, visit(overrides)).expect(status);
      expect(res.body.code).toBe(code);
      expect(await eventCount()).toBe(before);
    });

    it('refuses a visit outside the window with a field error and writes nothing', async () => {
      const planId = (await api('lead').post('/api/inspections/plans', plan({ window: { from: past(30), to: future(1) } })).expect(201)).body.id;
      const before = await eventCount();
      const res = await api('lead').post(`/api/inspections/plans/${planId}/visits`, visit({ arrivedAt: past(90) })).expect(422);
      expect(res.body.code).toBe('VISIT.OUTSIDE_WINDOW');
      const bad = await api('lead').post(`/api/inspections/plans/${planId}/visits`, visit({ observations: [{ category: 'NOT_A_CODE', compliant: 'yes' }] })).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['observations.0.category', 'observations.0.compliant']));
      expect(await eventCount()).toBe(before);
    });
  });

  describe('invalid plans', () => {
    it.each([
      ['an unordered window', { window: { from: future(3), to: future(2) } }, 'window.to'],
      ['a window already over', { window: { from: past(600), to: past(60) } }, 'window.to'],
      ['an unknown target', { targetUnitIds: ['unit-a', 'unit-zz'] }, 'targetUnitIds'],
      ['an empty team', { team: [] }, 'team'],
      ['an unknown checklist code', { checklist: ['GAMBLING'] }, 'checklist'],
      ['an unknown mode', { mode: 'surprise' }, 'mode'],
    ])('refuses %s with a field-level 400 and writes nothing', async (_name, overrides, field) => {
      const before = await eventCount();
      const res = await api('lead').post('/api/inspections/plans', plan(overrides)).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('spot-check draws', () => {
    const body = { population: { parentId: 'county' }, sampleSize: 2, seed: 'bulletin-2026-03' };

    it('give the same units for the same seed and population, and verify', async () => {
      const first = await api('lead').post('/api/inspections/spot-checks', body).expect(201);
      const second = await api('member').post('/api/inspections/spot-checks', body).expect(201);
      expect(second.body.selectedUnitIds).toEqual(first.body.selectedUnitIds);
      expect(first.body.selectedUnitIds).toHaveLength(2);
      expect(first.body.seedHash).toMatch(/^[0-9a-f]{64}$/);
      const verified = await api('deptA').get(`/api/inspections/spot-checks/${first.body.id}/verify`).expect(200);
      expect(verified.body).toEqual({ ok: true, selectedUnitIds: first.body.selectedUnitIds });
    });

    it('record the seed hash in an event committed before the draw', async () => {
      const { body: drawn } = await api('lead').post('/api/inspections/spot-checks', { ...body, seed: undefined }).expect(201);
      const { rows } = await pool.query(`SELECT type, txid::text, data::text FROM events WHERE stream_id = $1 ORDER BY stream_version`, [`spot-check-${drawn.id}`]);
      expect(rows.map((r) => r.type)).toEqual(['SpotCheckSeedCommitted', 'SpotCheckDrawn']);
      expect(rows[0].txid).not.toBe(rows[1].txid);
      expect(JSON.parse(rows[0].data)).toEqual({ spotCheckId: drawn.id, seedHash: drawn.seedHash, algorithm: 'es-hmac-sha256-v1' });
    });

    it('fail verify when the draw record was tampered with', async () => {
      const { body: drawn } = await api('lead').post('/api/inspections/spot-checks', body).expect(201);
      const other = ['unit-a', 'unit-b', 'unit-c'].find((u) => !drawn.selectedUnitIds.includes(u));
      await pool.query(
        `UPDATE events SET data = replace(data::text, $2, $3)::json WHERE stream_id = $1 AND type = 'SpotCheckDrawn'`,
        [`spot-check-${drawn.id}`, `"selectedUnitIds":${JSON.stringify(drawn.selectedUnitIds)}`, `"selectedUnitIds":${JSON.stringify([other, drawn.selectedUnitIds[1]])}`],
      );
      const verified = await api('lead').get(`/api/inspections/spot-checks/${drawn.id}/verify`).expect(200);
      expect(verified.body.ok).toBe(false);
    });

    it('weight units by the cases opened for them, counted from rectification events', async () => {
      const producer = createKafka({ brokers: brokers(), clientId: 'insp-int-risk' }).producer();
      await producer.connect();
      const opened = () => {
        const caseId = randomUUID();
        const envelope = toEnvelope({
          eventId: randomUUID(), type: 'CaseOpened', schemaVersion: 1,
          data: { caseId, unitId: 'unit-c', category: 'FORMALISM', title: 't', severity: 'general' },
          metadata: { correlationId: randomUUID(), causationId: null, actor: { id: 'system', role: 'system' } },
          occurredAt: new Date(), streamId: `case-${caseId}`, streamVersion: 1, position: '1', recordedAt: new Date(),
        });
        return { key: envelope.streamId, value: JSON.stringify(envelope), headers: { type: 'CaseOpened' } };
      };
      await producer.send(`${TOPIC_PREFIX}rectification.events`, [opened(), opened(), opened()]);
      await producer.disconnect();
      await eventually(async () => (await pool.query(`SELECT 1 FROM unit_risk WHERE unit_id = 'unit-c' AND cases_opened = 3`)).rowCount === 1, 30_000, 'the risk signal');

      const { body: drawn } = await api('lead').post('/api/inspections/spot-checks', { ...body, weights: { risk: 'cases_opened', byUnit: { 'unit-a': 2 } } }).expect(201);
      const record = await api('lead').get(`/api/inspections/spot-checks/${drawn.id}`).expect(200);
      expect(record.body.weights).toEqual({ 'unit-a': 2, 'unit-b': 1, 'unit-c': 4 });
      expect((await api('lead').get(`/api/inspections/spot-checks/${drawn.id}/verify`).expect(200)).body.ok).toBe(true);
    });

    it('answer a retry with the same Idempotency-Key with the first draw and write nothing', async () => {
      const key = randomUUID();
      const first = await api('lead').post('/api/inspections/spot-checks', { ...body, seed: undefined }, { 'idempotency-key': key }).expect(201);
      const before = await eventCount();
      const second = await api('lead').post('/api/inspections/spot-checks', { ...body, seed: undefined }, { 'idempotency-key': key }).expect(201);
      expect(second.body).toEqual(first.body);
      expect(first.body.selectedUnitIds).toHaveLength(2);
      expect(await eventCount()).toBe(before);
    });

    it('refuse a sample larger than the population with a field error', async () => {
      const res = await api('lead').post('/api/inspections/spot-checks', { ...body, sampleSize: 9 }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'sampleSize' })]);
    });
  });

  describe('re-inspections', () => {
    const caseId = randomUUID();

    beforeAll(async () => {
      // Rectification's VerificationRequested, as its relay would publish it.
      const producer = createKafka({ brokers: brokers(), clientId: 'insp-int-producer' }).producer();
      await producer.connect();
      const envelope = toEnvelope({
        eventId: randomUUID(), type: 'VerificationRequested', schemaVersion: 1,
        data: { caseId, unitId: 'unit-a', responsibleUnitId: 'unit-a', category: 'DISCIPLINE_LAXITY', purpose: 'verification', basis: 're_inspection' },
        metadata: { correlationId: randomUUID(), causationId: null, actor: { id: 'system', role: 'system' } },
        occurredAt: new Date(), streamId: `case-${caseId}`, streamVersion: 5, position: '42', recordedAt: new Date(),
      });
      const message = { key: envelope.streamId, value: JSON.stringify(envelope), headers: { type: 'VerificationRequested' } };
      // Delivered twice (once with a new event id): still one task.
      await producer.send(`${TOPIC_PREFIX}rectification.events`, [message, { ...message, value: JSON.stringify({ ...envelope, eventId: randomUUID() }) }]);
      await producer.disconnect();
    });

    const tasks = async () => (await api('lead').get(`/api/inspections/reinspections?caseId=${caseId}`).expect(200)).body.items;

    it('turn a verification request into one task listed for inspectors', async () => {
      const [task] = await eventually(async () => ((await tasks()).length > 0 ? tasks() : undefined), 30_000, 'the task');
      expect(task).toMatchObject({ caseId, unitId: 'unit-a', status: 'requested', mode: 'unannounced' });
      expect(await tasks()).toHaveLength(1);
      await api('deptA').get('/api/inspections/reinspections').expect(403);
    });

    it('refuse a re-inspector from the responsible unit, then publish the result', async () => {
      const [task] = await eventually(async () => ((await tasks()).length > 0 ? tasks() : undefined), 30_000, 'the task');
      const insider = { ...users.admin, id: randomUUID(), unitId: 'unit-a' };
      const insiderToken = app.get(TokenService).sign(insider);
      const refused = await request(app.getHttpServer()).post(`/api/inspections/reinspections/${task.id}/result`)
        .set('authorization', `Bearer ${insiderToken}`).send({ outcome: 'resolved', note: 'all fine' }).expect(403);
      expect(refused.body.code).toBe('REINSPECTION.INSPECTOR_NOT_INDEPENDENT');

      await api('lead').post(`/api/inspections/reinspections/${task.id}/result`, { outcome: 'persists', note: 'window 3 still unstaffed' }).expect(200);
      await eventually(async () => (await api('lead').get(`/api/inspections/reinspections?status=completed&caseId=${caseId}`)).body.items.length === 1, 10_000, 'the completed task');
      const messages = await readTopic(`${TOPIC_PREFIX}inspections.events`, (ms) => ms.some((m) => envelopeOf(m).type === 'ReinspectionCompleted' && envelopeOf(m).data.caseId === caseId));
      const completed = messages.map(envelopeOf).find((e) => e.type === 'ReinspectionCompleted' && e.data.caseId === caseId);
      expect(completed.data).toMatchObject({ reinspectionId: task.id, outcome: 'persists', purpose: 'verification', inspectorId: users.lead.id });
    });
  });
});
