import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AuthUser, TokenService } from '@rectify/auth';
import { toEnvelope } from '@rectify/contracts';
import { PG_POOL } from '@rectify/database';
import { createHttpApp } from '@rectify/http';
import { createKafka, MessagingLifecycle, parseBrokers } from '@rectify/messaging';
import { dropTestDatabase, eventually, feedDirectory } from '@rectify/test-kit';
import type { Pool } from 'pg';
import request from 'supertest';
import { AppModule } from '../app.module';

jest.setTimeout(120_000);

const PREFIX = 'rectify_test_rect_followup';
const TOPIC_PREFIX = `test-rect-followup-${randomUUID().slice(0, 8)}.`;
const DAY = 86_400_000;

const users: Record<string, AuthUser> = {
  inspector: { id: randomUUID(), username: 'inspector', role: 'inspector', unitId: null },
  deptB: { id: randomUUID(), username: 'dept-b', role: 'department', unitId: 'unit-b' },
  analyst: { id: randomUUID(), username: 'analyst', role: 'analyst', unitId: null },
};

interface Published {
  type: string;
  data: object;
  eventId?: string;
}

/** Publishes evaluations events in one batch under one key (a campaign's stream), so they stay in order. */
async function publish(key: string, events: Published[]): Promise<void> {
  const messages = events.map((e, i) => {
    const envelope = toEnvelope({
      eventId: e.eventId ?? randomUUID(), type: e.type, schemaVersion: 1, data: e.data,
      metadata: { correlationId: randomUUID(), causationId: null, actor: { id: 'u-inspector', role: 'inspector', unitId: null } },
      occurredAt: new Date(), streamId: key, streamVersion: i + 1, position: String(i + 1), recordedAt: new Date(),
    });
    return { key, value: JSON.stringify(envelope), headers: { type: e.type } };
  });
  const producer = createKafka({ brokers: parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'), clientId: 'rect-follow-up-int' }).producer();
  await producer.connect();
  try {
    await producer.send(`${TOPIC_PREFIX}evaluations.events`, messages);
  } finally {
    await producer.disconnect();
  }
}

const campaignOpened = (campaignId: string, caseId: string, unitIds: string[]): Published => ({
  type: 'CampaignOpened',
  data: {
    campaignId, title: 'Follow-up: Township windows', followUpOfCaseId: caseId,
    targets: unitIds.map((id) => ({ kind: 'unit', id, unitId: id })), groups: [{ name: 'public', weight: 1 }],
    opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 14 * DAY).toISOString(),
    rules: { unsatisfiedAbove: 0.3, satisfiedBelow: 0.6, minBallots: 20 },
  },
});

const targetRated = (campaignId: string, caseId: string, result: Record<string, unknown>): Published => ({
  type: 'TargetRated',
  data: {
    campaignId, targetKind: 'unit', targetId: 'unit-b', unitId: 'unit-b', ballots: 32, satisfiedShare: 0.75, basicallySatisfiedShare: 0.15,
    unsatisfiedShare: 0.1, breach: false, insufficientSample: false, rank: 1, repeated: false, followUpOfCaseId: caseId, ...result,
  },
});

describe('follow-up polls decide the verification of evaluation cases (real PostgreSQL and Kafka)', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  let tokens: Record<string, string>;

  const api = (who: keyof typeof users) => ({
    get: (path: string) => request(app.getHttpServer()).get(path).set('authorization', `Bearer ${tokens[who]}`),
    post: (path: string, body: object = {}) => request(app.getHttpServer()).post(path).set('authorization', `Bearer ${tokens[who]}`).send(body),
  });
  const getCase = async (id: string) => (await api('inspector').get(`/api/cases/${id}`).expect(200)).body;
  const timelineOf = async (id: string) =>
    (await api('analyst').get(`/api/cases/${id}/timeline`).expect(200)).body.events.map((e: { service: string; type: string }) => `${e.service}:${e.type}`) as string[];
  const ownEvents = async (id: string) => (await pool.query<{ type: string }>('SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version', [`case-${id}`])).rows.map((r) => r.type);

  /** A case opened by a breach of unit-b (as evaluations publishes it), taken by the unit up to its completion report when asked. */
  const breachCase = async (reportRectified = true): Promise<string> => {
    const campaignId = randomUUID();
    await publish(`campaign-${campaignId}`, [{
      type: 'ThresholdBreached',
      data: { campaignId, targetKind: 'unit', targetId: 'unit-b', unitId: 'unit-b', unsatisfiedShare: 0.42, satisfiedShare: 0.4, ballots: 57, repeated: false },
    }]);
    const opened = await eventually(async () => {
      const { body } = await api('inspector').get('/api/cases?source=evaluation_breach&pageSize=200').expect(200);
      return body.items.find((c: { source: { ref: string } }) => c.source.ref === `${campaignId}:unit:unit-b`);
    }, 30_000, 'the breach case');
    if (reportRectified) {
      await api('deptB').post(`/api/cases/${opened.id}/acknowledge`).expect(200);
      await api('deptB').post(`/api/cases/${opened.id}/measures`, { measures: [{ description: 'Queue tickets at every window', owner: 'Deputy head', dueDate: new Date(Date.now() + DAY).toISOString() }] }).expect(200);
      await api('deptB').post(`/api/cases/${opened.id}/report-rectified`, { summary: 'Windows staffed, queue tickets introduced' }).expect(200);
    }
    return opened.id;
  };

  beforeAll(async () => {
    Object.assign(process.env, { JWT_SECRET: 'rectification-follow-up-int-secret-0123', DATABASE_NAME_PREFIX: PREFIX, KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, RECTIFY_TIMER_INTERVAL_MS: '0' });
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

  it('passes verification on a follow-up no longer in breach (basis follow_up_poll), once however often the result is delivered', async () => {
    const caseId = await breachCase();
    expect((await getCase(caseId)).status).toBe('verifying');
    const campaignId = randomUUID();
    const result = { ...targetRated(campaignId, caseId, {}), eventId: randomUUID() };
    await publish(`campaign-${campaignId}`, [campaignOpened(campaignId, caseId, ['unit-b']), result, result]);

    const resolved = await eventually(async () => {
      const body = await getCase(caseId);
      return body.status === 'resolved' && body;
    }, 30_000, 'the resolved case');
    expect(resolved.verifications).toEqual([expect.objectContaining({ outcome: 'passed', basis: 'follow_up_poll' })]);
    const timeline = await timelineOf(caseId);
    expect(timeline.filter((t) => t.startsWith('evaluations:'))).toEqual(['evaluations:ThresholdBreached', 'evaluations:CampaignOpened', 'evaluations:TargetRated']);
    expect(timeline.indexOf('rectification:VerificationPassed')).toBeGreaterThan(timeline.indexOf('evaluations:TargetRated'));
    expect((await ownEvents(caseId)).filter((t) => t === 'VerificationPassed')).toHaveLength(1);

    const check = (await api('analyst').get(`/api/cases/${caseId}/cross-check`).expect(200)).body;
    expect(check.verdict).toBe('consistent');
    expect(check.evidence).toContainEqual(expect.objectContaining({ kind: 'satisfaction_before', detail: expect.objectContaining({ satisfiedShare: 0.4, unsatisfiedShare: 0.42, ballots: 57 }) }));
    expect(check.evidence).toContainEqual(expect.objectContaining({
      kind: 'satisfaction_after', supportsClaim: true,
      detail: expect.objectContaining({ satisfiedShare: 0.75, unsatisfiedShare: 0.1, ballots: 32, satisfactionChange: { satisfiedShare: 0.35, unsatisfiedShare: -0.32 } }),
    }));
  });

  it('fails verification and returns the case on a follow-up still in breach, and the cross-check flags paper rectification', async () => {
    const caseId = await breachCase();
    const campaignId = randomUUID();
    await publish(`campaign-${campaignId}`, [
      campaignOpened(campaignId, caseId, ['unit-b']),
      targetRated(campaignId, caseId, { satisfiedShare: 0.45, unsatisfiedShare: 0.38, breach: true, repeated: true }),
    ]);

    const returned = await eventually(async () => {
      const body = await getCase(caseId);
      return body.returnCount === 1 && body;
    }, 30_000, 'the returned case');
    expect(returned).toMatchObject({ status: 'rectifying', verifications: [expect.objectContaining({ outcome: 'failed', basis: 'follow_up_poll' })] });
    const check = (await api('analyst').get(`/api/cases/${caseId}/cross-check`).expect(200)).body;
    expect(check.verdict).toBe('suspected_paper_rectification');
    expect(check.evidence).toContainEqual(expect.objectContaining({ kind: 'satisfaction_after', supportsClaim: false, detail: expect.objectContaining({ stillInBreach: true }) }));
  });

  it('keeps a result with too few ballots, or for a case not awaiting verification, on the timeline only; other targets not at all', async () => {
    const pending = await breachCase();
    const early = await breachCase(false);
    const campaignId = randomUUID();
    await publish(`campaign-${campaignId}`, [
      campaignOpened(campaignId, pending, ['unit-b', 'unit-c']),
      targetRated(campaignId, pending, { targetId: 'unit-c', unitId: 'unit-c', breach: true }),
      targetRated(campaignId, pending, { ballots: 6, insufficientSample: true, satisfiedShare: 0.2, unsatisfiedShare: 0.8, rank: null }),
      targetRated(campaignId, early, { breach: true }),
    ]);

    await eventually(async () => (await timelineOf(early)).includes('evaluations:TargetRated'), 30_000, 'the result on the early case');
    // Same key, consumed in order: the pending case's results were handled before the early one's.
    expect((await timelineOf(pending)).filter((t) => t === 'evaluations:TargetRated')).toHaveLength(1);
    expect(await getCase(pending)).toMatchObject({ status: 'verifying', returnCount: 0, verifications: [] });
    expect(await getCase(early)).toMatchObject({ status: 'assigned', verifications: [] });
    const check = (await api('analyst').get(`/api/cases/${pending}/cross-check`).expect(200)).body;
    expect(check.evidence).toContainEqual(expect.objectContaining({ kind: 'satisfaction_after', supportsClaim: null, detail: expect.objectContaining({ insufficientSample: true }) }));
  });
});
