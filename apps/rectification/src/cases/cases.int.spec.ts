import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AuthUser, TokenService } from '@rectify/auth';
import { toEnvelope } from '@rectify/contracts';
import { PG_POOL } from '@rectify/database';
import { PgEventStore } from '@rectify/event-store';
import { createHttpApp } from '@rectify/http';
import { createKafka, MessagingLifecycle, parseBrokers } from '@rectify/messaging';
import { dropTestDatabase, envelopeOf, eventually, feedDirectory, readTopic } from '@rectify/test-kit';
import type { Pool } from 'pg';
import request from 'supertest';
import { AppModule } from '../app.module';
import { rebuildReadModels } from '../cli/rebuild-read-models';
import { DeadlineWatcher } from './timers/deadline-watcher';

jest.setTimeout(120_000);

const PREFIX = 'rectify_test_rect';
const TOPIC_PREFIX = `test-rect-${randomUUID().slice(0, 8)}.`;
const brokers = () => parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092');
const DAY = 86_400_000;

const users: Record<string, AuthUser> = {
  inspector: { id: randomUUID(), username: 'inspector', role: 'inspector', unitId: null },
  admin: { id: randomUUID(), username: 'admin', role: 'admin', unitId: null },
  deptA: { id: randomUUID(), username: 'dept-a', role: 'department', unitId: 'unit-a' },
  deptB: { id: randomUUID(), username: 'dept-b', role: 'department', unitId: 'unit-b' },
  analyst: { id: randomUUID(), username: 'analyst', role: 'analyst', unitId: null },
};




async function publish(service: string, type: string, data: object, options: { eventId?: string; twice?: boolean; actor?: object } = {}): Promise<void> {
  const envelope = toEnvelope({
    eventId: options.eventId ?? randomUUID(), type, schemaVersion: 1, data,
    metadata: { correlationId: randomUUID(), causationId: null, actor: { id: 'someone', role: 'inspector', ...options.actor } },
    occurredAt: new Date(), streamId: `${service}-${randomUUID()}`, streamVersion: 1, position: '1', recordedAt: new Date(),
  });
  const message = { key: envelope.streamId, value: JSON.stringify(envelope), headers: { type } };
  const producer = createKafka({ brokers: brokers(), clientId: 'rect-int-producer' }).producer();
  await producer.connect();
  const copies = options.twice ? [message, message, { ...message, value: JSON.stringify({ ...envelope, eventId: randomUUID() }) }] : [message];
  await producer.send(`${TOPIC_PREFIX}${service}.events`, copies);
  await producer.disconnect();
}

describe('rectification cases (real PostgreSQL and Kafka)', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  let tokens: Record<string, string>;

  const api = (who: keyof typeof users) => {
    const auth = (r: request.Test) => r.set('authorization', `Bearer ${tokens[who]}`);
    return {
      get: (path: string) => auth(request(app.getHttpServer()).get(path)),
      post: (path: string, body: object = {}, headers: Record<string, string> = {}) => auth(request(app.getHttpServer()).post(path)).set(headers).send(body),
    };
  };
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
  const getCase = async (id: string) => (await api('inspector').get(`/api/cases/${id}`).expect(200)).body;
  /** Runs a command with If-Match set to the case's current version, as a careful client would. */
  const command = async (who: keyof typeof users, id: string, name: string, body: object = {}, status = 200) => {
    const { version } = await getCase(id);
    return api(who).post(`/api/cases/${id}/${name}`, body, { 'if-match': `"${version}"` }).expect(status);
  };
  const openManual = async (overrides: object = {}) =>
    (await api('inspector').post('/api/cases', { unitId: 'unit-a', category: 'PROCRASTINATION', title: 'Permit stalled', description: 'Three months, no answer', source: { kind: 'manual' }, ...overrides }).expect(201)).body.id as string;

  beforeAll(async () => {
    Object.assign(process.env, { JWT_SECRET: 'rectification-int-test-secret-0123456789', DATABASE_NAME_PREFIX: PREFIX, KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, RECTIFY_TIMER_INTERVAL_MS: '0', RECTIFY_TEST_CLOCK: 'true' });
    await dropTestDatabase(`${PREFIX}_rectification`);
    app = await createHttpApp(AppModule, { name: 'rectification', logLevel: 'error' });
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

  describe('the full lifecycle from a finding, with a failed verification and a reopening after look-back', () => {
    const findingId = randomUUID();
    let caseId: string;
    const liveAtVersion = new Map<number, unknown>();
    const remember = async () => {
      const body = await getCase(caseId);
      liveAtVersion.set(body.version, body);
      return body;
    };

    it('opens one assigned case when the same finding is delivered three times (twice with the same event id)', async () => {
      await publish('inspections', 'FindingRecorded', { findingId, unitId: 'unit-a', category: 'DISCIPLINE_LAXITY', note: 'window 3 unstaffed at 09:10', source: 'inspection_finding' }, { twice: true });
      const listed = await eventually(async () => {
        const res = await api('inspector').get('/api/cases?source=inspection_finding&pageSize=200').expect(200);
        const mine = res.body.items.filter((c: { source: { ref: string } }) => c.source.ref === findingId);
        return mine.length ? mine : undefined;
      }, 30_000, 'the case');
      expect(listed).toHaveLength(1);
      caseId = listed[0].id;
      // The copies are consumed in order on one partition: once the next finding's case exists, all three were seen.
      const marker = randomUUID();
      await publish('inspections', 'FindingRecorded', { findingId: marker, unitId: 'unit-b', category: 'FORMALISM', note: 'marker', source: 'inspection_finding' });
      await eventually(async () => (await api('inspector').get('/api/cases?source=inspection_finding&pageSize=200')).body.items.some((c: { source: { ref: string } }) => c.source.ref === marker), 30_000, 'the marker');
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`case-${caseId}`]);
      expect(rows[0].n).toBe(2);
      expect(await remember()).toMatchObject({ status: 'assigned', responsibleUnitId: 'unit-a', deadline: expect.any(String) });
    });

    it('walks acknowledge → measures → progress → report, which requests a re-inspection on rectification.events', async () => {
      await command('deptA', caseId, 'acknowledge');
      await remember();
      await command('deptA', caseId, 'measures', { measures: [{ description: 'Duty roster per window', owner: 'Deputy Li', dueDate: new Date(Date.now() + 5 * DAY).toISOString() }] });
      await remember();
      await command('deptA', caseId, 'progress', { note: 'roster drafted' });
      await remember();
      const reported = await command('deptA', caseId, 'report-rectified', { summary: 'Roster in force' });
      expect(reported.body).toMatchObject({ id: caseId, status: 'verifying' });
      await remember();
      const messages = await readTopic(`${TOPIC_PREFIX}rectification.events`, (ms) => ms.some((m) => envelopeOf(m).type === 'VerificationRequested' && envelopeOf(m).data.caseId === caseId));
      const request = messages.map(envelopeOf).find((e) => e.type === 'VerificationRequested' && e.data.caseId === caseId)!;
      expect(request.data).toEqual({ caseId, unitId: 'unit-a', responsibleUnitId: 'unit-a', category: 'DISCIPLINE_LAXITY', purpose: 'verification', basis: 're_inspection' });
    });

    it('a re-inspection finding the problem persists returns the case to the department', async () => {
      await publish('inspections', 'ReinspectionCompleted', { reinspectionId: randomUUID(), caseId, unitId: 'unit-a', outcome: 'persists', purpose: 'verification', note: 'window 3 empty again', inspectorId: users.inspector.id, inspectorUnitId: null });
      const returned = await eventually(async () => {
        const body = await getCase(caseId);
        return body.status === 'rectifying' ? body : undefined;
      }, 30_000, 'the return');
      expect(returned).toMatchObject({ returnCount: 1, escalated: false });
      await remember();
    });

    it('refuses the department verifying its own case (403) and writes nothing', async () => {
      await command('deptA', caseId, 'report-rectified', { summary: 'Roster enforced with spot checks' });
      await remember();
      const before = await eventCount();
      const res = await command('deptA', caseId, 'verify', { outcome: 'passed', basis: 'on_site_check', note: 'we checked ourselves' }, 403);
      expect(res.body.code).toBe('CASE.VERIFIER_NOT_INDEPENDENT');
      expect(await eventCount()).toBe(before);
    });

    it('an inspector passing verification resolves the case with a look-back in 90 days; closing follows', async () => {
      const passed = await command('inspector', caseId, 'verify', { outcome: 'passed', basis: 'on_site_check', note: 'all windows staffed' });
      expect(passed.body.status).toBe('resolved');
      const resolved = await remember();
      expect(Date.parse(resolved.lookBackAt) - Date.now()).toBeGreaterThan(89 * DAY);
      await command('inspector', caseId, 'close', { note: 'done' });
      await remember();
    });

    it('the due look-back publishes VerificationRequested(look_back); a look-back that finds the problem reopens the case', async () => {
      const { lookBackAt } = await getCase(caseId);
      const { fired } = await app.get(DeadlineWatcher).tick(new Date(Date.parse(lookBackAt) + 1000));
      expect(fired).toContainEqual(expect.objectContaining({ caseId, kind: 'look_back' }));
      await remember();
      const messages = await readTopic(`${TOPIC_PREFIX}rectification.events`, (ms) => ms.some((m) => envelopeOf(m).type === 'VerificationRequested' && envelopeOf(m).data.caseId === caseId && envelopeOf(m).data.purpose === 'look_back'));
      expect(messages.length).toBeGreaterThan(0);

      await publish('inspections', 'ReinspectionCompleted', { reinspectionId: randomUUID(), caseId, unitId: 'unit-a', outcome: 'persists', purpose: 'look_back', note: 'cards on the desk again', inspectorId: users.inspector.id, inspectorUnitId: null });
      const reopened = await eventually(async () => {
        const body = await getCase(caseId);
        return body.status === 'rectifying' && body.reopenCount === 1 ? body : undefined;
      }, 30_000, 'the reopening');
      expect(Date.parse(reopened.deadline)).toBeGreaterThan(Date.now());
      await remember();
    });

    it('shows the timeline with the consumed events in order, with actor and time', async () => {
      const { body } = await api('deptA').get(`/api/cases/${caseId}/timeline`).expect(200);
      const seq = body.events.map((e: { service: string; type: string }) => `${e.service}:${e.type}`);
      expect(seq[0]).toBe('inspections:FindingRecorded');
      expect(seq).toEqual(expect.arrayContaining(['rectification:CaseOpened', 'inspections:ReinspectionCompleted', 'rectification:VerificationFailed', 'rectification:CaseReopened']));
      expect(seq.indexOf('rectification:VerificationFailed')).toBeGreaterThan(seq.indexOf('inspections:ReinspectionCompleted'));
      for (const e of body.events) expect(e).toEqual(expect.objectContaining({ at: expect.any(String), actor: expect.objectContaining({ id: expect.any(String) }) }));
    });

    it('answers state?version=n with exactly what the live API returned at version n', async () => {
      expect(liveAtVersion.size).toBeGreaterThan(5);
      for (const [version, live] of liveAtVersion) {
        const { body } = await api('inspector').get(`/api/cases/${caseId}/state?version=${version}`).expect(200);
        expect(body).toEqual(live);
      }
      const first = liveAtVersion.get(2) as { updatedAt: string };
      const asOf = await api('inspector').get(`/api/cases/${caseId}/state?asOf=${encodeURIComponent(first.updatedAt)}`).expect(200);
      expect(asOf.body.version).toBeGreaterThanOrEqual(2);
      await api('inspector').get(`/api/cases/${caseId}/state?version=${Math.max(...liveAtVersion.keys()) + 1}`).expect(404);
      await api('inspector').get(`/api/cases/${caseId}/state?asOf=2000-01-01T00:00:00.000Z`).expect(404);
      await api('inspector').get(`/api/cases/${caseId}/state?version=0`).expect(400);
    });

    it('flags suspected paper rectification when a re-inspection contradicts the claim', async () => {
      const { body } = await api('analyst').get(`/api/cases/${caseId}/cross-check`).expect(200);
      expect(body.verdict).toBe('suspected_paper_rectification');
      expect(body.evidence).toContainEqual(expect.objectContaining({ kind: 're_inspection', supportsClaim: false }));
    });

    it('verifies the hash chain', async () => {
      const { body } = await api('analyst').get(`/api/cases/${caseId}/integrity`).expect(200);
      expect(body).toMatchObject({ ok: true, checked: expect.any(Number) });
    });
  });

  describe('the other consumers', () => {
    const listBySource = async (kind: string, ref: string) =>
      (await api('inspector').get(`/api/cases?source=${kind}&pageSize=200`).expect(200)).body.items.filter((c: { source: { ref: string } }) => c.source.ref === ref);

    it('opens one assigned case per threshold breach, however often it is delivered', async () => {
      const campaignId = randomUUID();
      await publish('evaluations', 'ThresholdBreached', { campaignId, targetKind: 'unit', targetId: 'unit-b', unitId: 'unit-b', unsatisfiedShare: 0.42, satisfiedShare: 0.4, ballots: 57, repeated: false }, { twice: true });
      const ref = `${campaignId}:unit:unit-b`;
      const [opened] = await eventually(async () => {
        const found = await listBySource('evaluation_breach', ref);
        return found.length ? found : undefined;
      }, 30_000, 'the breach case');
      expect(opened).toMatchObject({ unitId: 'unit-b', status: 'assigned' });
      // A marker on the same topic and key order: once it is in, the copies have been consumed.
      const marker = randomUUID();
      await publish('evaluations', 'ThresholdBreached', { campaignId: marker, targetKind: 'unit', targetId: 'unit-b', unitId: 'unit-b', unsatisfiedShare: 0.5, satisfiedShare: 0.3, ballots: 30, repeated: true });
      await eventually(async () => (await listBySource('evaluation_breach', `${marker}:unit:unit-b`)).length === 1, 30_000, 'the marker');
      expect(await listBySource('evaluation_breach', ref)).toHaveLength(1);
    });

    it('opens a case from a triaged public report; the reporter\'s "not solved" fails verification, then reopens verification after resolution', async () => {
      const reportId = randomUUID();
      await publish('evaluations', 'ReportTriaged', { reportId, decision: 'open_case', unitId: 'unit-a', category: 'FAVOR_SEEKING', summary: 'Clerk asked for a gift before stamping' });
      const [listed] = await eventually(async () => {
        const found = await listBySource('public_report', reportId);
        return found.length ? found : undefined;
      }, 30_000, 'the report case');
      const id: string = listed.id;
      await command('deptA', id, 'acknowledge');
      await command('deptA', id, 'measures', { measures: [{ description: 'Clerk moved off the counter', owner: 'Director', dueDate: new Date(Date.now() + DAY).toISOString() }] });
      await command('deptA', id, 'report-rectified', { summary: 'Clerk reassigned' });

      await publish('evaluations', 'ReporterFeedbackGiven', { reportId, caseId: id, solved: false, comment: 'Same clerk, same demand' }, { actor: { id: 'public', role: 'public' } });
      const returned = await eventually(async () => {
        const body = await getCase(id);
        return body.returnCount === 1 ? body : undefined;
      }, 30_000, 'the failed verification');
      expect(returned).toMatchObject({ status: 'rectifying', verifications: [expect.objectContaining({ outcome: 'failed', basis: 'reporter_feedback' })] });

      await command('deptA', id, 'report-rectified', { summary: 'Clerk dismissed' });
      await command('inspector', id, 'verify', { outcome: 'passed', basis: 'on_site_check', note: 'counter clean' });
      await publish('evaluations', 'ReporterFeedbackGiven', { reportId, caseId: id, solved: false, comment: 'Still asked' }, { actor: { id: 'public', role: 'public' } });
      await eventually(async () => (await getCase(id)).status === 'verifying', 30_000, 'the case back in verification');

      const check = await api('inspector').get(`/api/cases/${id}/cross-check`).expect(200);
      expect(check.body.verdict).toBe('suspected_paper_rectification');
      expect(check.body.evidence.filter((e: { kind: string }) => e.kind === 'reporter_feedback')).toHaveLength(2);
      const timeline = (await api('inspector').get(`/api/cases/${id}/timeline`).expect(200)).body.events.map((e: { service: string; type: string }) => `${e.service}:${e.type}`);
      expect(timeline[0]).toBe('evaluations:ReportTriaged');
      expect(timeline.filter((t: string) => t === 'evaluations:ReporterFeedbackGiven')).toHaveLength(2);
    });

    it('acknowledges an assigned case when its unit acknowledges the notice, and shows the acknowledgement on the timeline', async () => {
      const id = await openManual();
      await command('inspector', id, 'assign', { responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang' });
      await publish('notifications', 'NoticeAcknowledged', { noticeId: randomUUID(), caseId: id, unitId: 'unit-a', acknowledgedBy: users.deptA.id }, { actor: { id: users.deptA.id, role: 'department', unitId: 'unit-a' } });
      await eventually(async () => (await getCase(id)).status === 'acknowledged', 30_000, 'the acknowledgement');
      const timeline = (await api('deptA').get(`/api/cases/${id}/timeline`).expect(200)).body.events;
      expect(timeline.map((e: { type: string }) => e.type)).toEqual(['CaseOpened', 'CaseAssigned', 'NoticeAcknowledged', 'CaseAcknowledged']);
      expect(timeline[3].actor).toMatchObject({ id: users.deptA.id, role: 'department' });
    });

    it('calls a case consistent when the independent evidence after the claim agrees with it', async () => {
      const id = await openManual();
      await command('inspector', id, 'assign', { responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang' });
      await command('deptA', id, 'acknowledge');
      await command('deptA', id, 'measures', { measures: [{ description: 'Answer in 5 days', owner: 'Li', dueDate: new Date(Date.now() + DAY).toISOString() }] });
      expect((await api('inspector').get(`/api/cases/${id}/cross-check`).expect(200)).body.verdict).toBe('insufficient_evidence');
      await command('deptA', id, 'report-rectified', { summary: 'Permit issued' });
      await command('inspector', id, 'verify', { outcome: 'passed', basis: 'on_site_check', note: 'applicant confirms' });
      expect((await api('inspector').get(`/api/cases/${id}/cross-check`).expect(200)).body.verdict).toBe('consistent');
    });
  });

  describe('deadlines with a driven clock', () => {
    it('marks a case overdue and escalates it once the deadline passes, and not before', async () => {
      const id = await openManual();
      const deadline = new Date(Date.now() + 2 * DAY).toISOString();
      await command('inspector', id, 'assign', { responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang', deadline });
      const watcher = app.get(DeadlineWatcher);
      expect((await watcher.tick(new Date(Date.now() + DAY))).fired.map((f) => f.caseId)).not.toContain(id);
      expect((await getCase(id)).overdue).toBe(false);

      const { fired } = await watcher.tick(new Date(Date.parse(deadline) + 1000));
      expect(fired).toContainEqual(expect.objectContaining({ caseId: id, kind: 'deadline' }));
      expect(await getCase(id)).toMatchObject({ overdue: true, escalated: true });
      const types = (await pool.query('SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version', [`case-${id}`])).rows.map((r) => r.type);
      expect(types.slice(-2)).toEqual(['CaseOverdue', 'CaseEscalated']);
      const listed = await eventually(async () => {
        const res = await api('inspector').get('/api/cases?overdue=true&pageSize=200');
        return res.body.items.find((c: { id: string }) => c.id === id);
      }, 10_000, 'the overdue listing');
      expect(listed).toMatchObject({ overdue: true, escalated: true });

      // A second tick finds nothing more to do.
      const before = await eventCount();
      await watcher.tick(new Date(Date.parse(deadline) + 2 * DAY));
      expect(await eventCount()).toBe(before);
    });

    it('a reasoned extension re-arms the timer at the new deadline', async () => {
      const id = await openManual();
      const deadline = new Date(Date.now() + DAY).toISOString();
      await command('inspector', id, 'assign', { responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang', deadline });
      const extended = new Date(Date.now() + 10 * DAY).toISOString();
      await command('inspector', id, 'extend-deadline', { deadline: extended, reason: 'flood closed the office' });
      const watcher = app.get(DeadlineWatcher);
      await watcher.tick(new Date(Date.parse(deadline) + 1000));
      expect((await getCase(id)).overdue).toBe(false);
      await watcher.tick(new Date(Date.parse(extended) + 1000));
      expect((await getCase(id)).overdue).toBe(true);
    });

    it('assigns with the taxonomy default deadline by severity when none is given', async () => {
      const id = await openManual({ severity: 'grave' });
      const before = Date.now();
      await command('inspector', id, 'assign', { responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang' });
      const days = (Date.parse((await getCase(id)).deadline) - before) / DAY;
      expect(days).toBeGreaterThanOrEqual(7);
      expect(days).toBeLessThan(7.01);
    });

    it('runs the watcher through POST /api/cases/_clock/tick for admins only', async () => {
      const id = await openManual();
      const deadline = new Date(Date.now() + DAY).toISOString();
      await command('inspector', id, 'assign', { responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang', deadline });
      const now = new Date(Date.parse(deadline) + 1000).toISOString();
      await api('inspector').post('/api/cases/_clock/tick', { now }).expect(403);
      const { body } = await api('admin').post('/api/cases/_clock/tick', { now }).expect(200);
      expect(body.fired).toContainEqual(expect.objectContaining({ caseId: id, kind: 'deadline' }));
      expect((await getCase(id)).overdue).toBe(true);
    });

    it('refuses an extension without a reason with a 400 naming the field', async () => {
      const id = await openManual();
      await command('inspector', id, 'assign', { responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang', deadline: new Date(Date.now() + DAY).toISOString() });
      const res = await command('inspector', id, 'extend-deadline', { deadline: new Date(Date.now() + 9 * DAY).toISOString() }, 400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'reason' }));
    });
  });

  describe('If-Match, roles and units', () => {
    it('refuses a stale If-Match with 409 and writes nothing', async () => {
      const id = await openManual();
      const before = await eventCount();
      const res = await api('inspector').post(`/api/cases/${id}/assign`, { responsibleUnitId: 'unit-a', responsiblePerson: 'Wang', deadline: new Date(Date.now() + DAY).toISOString() }, { 'if-match': '"7"' }).expect(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await eventCount()).toBe(before);
    });

    it('answers a disallowed transition with 409 naming the current state', async () => {
      const id = await openManual();
      const res = await command('inspector', id, 'close', {}, 409);
      expect(res.body.detail).toContain('registered');
    });

    it('lets analysts read but not act (403), and hides other units\' cases from departments (404)', async () => {
      const id = await openManual();
      await api('analyst').get(`/api/cases/${id}`).expect(200);
      await api('analyst').post(`/api/cases/${id}/dismiss`, { reason: 'not real' }).expect(403);
      await api('deptB').get(`/api/cases/${id}`).expect(404);
      await api('deptB').post(`/api/cases/${id}/acknowledge`).expect(404);
      await api('deptB').get(`/api/cases/${id}/timeline`).expect(404);
    });

    it('refuses unknown fields and categories with 400 and writes nothing', async () => {
      const before = await eventCount();
      const bad = await api('inspector').post('/api/cases', { unitId: 'unit-a', category: 'NOPE', title: 't', description: 'd', source: { kind: 'manual' } }).expect(400);
      expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'category' }));
      const badFilter = await api('inspector').get('/api/cases?status=lost').expect(400);
      expect(badFilter.body.errors).toContainEqual(expect.objectContaining({ field: 'status' }));
      const id = await openManual();
      const after = await eventCount();
      await api('inspector').post(`/api/cases/${id}/dismiss`, { reason: 'unfounded', extra: 1 }).expect(400);
      expect(await eventCount()).toBe(after);
      expect(after).toBe(before + 1);
    });

    it('merges a case into another open case, and refuses a merge into a missing one with 404', async () => {
      const [a, b] = [await openManual(), await openManual()];
      await command('inspector', a, 'merge', { intoCaseId: randomUUID() }, 404);
      const merged = await command('inspector', a, 'merge', { intoCaseId: b });
      expect(merged.body.status).toBe('merged');
    });
  });

  describe('integrity', () => {
    it('names the first tampered event of a case whose stored event was edited', async () => {
      const id = await openManual();
      await command('inspector', id, 'assign', { responsibleUnitId: 'unit-a', responsiblePerson: 'Wang', deadline: new Date(Date.now() + DAY).toISOString() });
      await pool.query(`UPDATE events SET data = jsonb_set(data::jsonb, '{responsiblePerson}', '"Nobody"') WHERE stream_id = $1 AND stream_version = 2`, [`case-${id}`]);
      const { body } = await api('inspector').get(`/api/cases/${id}/integrity`).expect(200);
      expect(body).toMatchObject({ ok: false, firstBadEvent: { streamVersion: 2 } });
    });
  });

  describe('read models', () => {
    it('rebuilds every read model from the log equal to the live one', async () => {
      await eventually(async () => {
        const { rows } = await pool.query(`SELECT count(*)::int AS n FROM case_list`);
        return rows[0].n > 0;
      }, 10_000, 'the list');
      const reports = await rebuildReadModels(app.get(PgEventStore));
      expect(reports.map((r) => [r.projection, r.equal])).toEqual([['case_list', true], ['case_timers', true], ['case_stats', true]]);
      expect(reports[0].rows).toBeGreaterThan(5);
    });
  });
});
