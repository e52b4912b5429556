import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createKafka, parseBrokers } from '@rectify/messaging';
import { type EvaluationsTestApp, eventuallyTrue, readTopicUntil, startEvaluationsTestApp } from '../../testing/evaluations-test-app';

jest.setTimeout(90_000);

const DAY_MS = 86_400_000;

interface CaseMessage {
  type: string;
  data: Record<string, unknown>;
  eventId?: string;
}

/** Publishes case events as rectification's relay would, all under one key so they stay in order. */
async function publishInOrder(topicPrefix: string, key: string, messages: CaseMessage[]): Promise<void> {
  const producer = createKafka({ brokers: parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'), clientId: 'follow-up-int' }).producer();
  await producer.connect();
  const now = new Date().toISOString();
  try {
    await producer.send(`${topicPrefix}rectification.events`, messages.map((m, i) => ({
      key,
      headers: { type: m.type },
      value: JSON.stringify({
        eventId: m.eventId ?? randomUUID(), type: m.type, schemaVersion: 1, streamId: key, streamVersion: i + 1, position: String(i + 1),
        occurredAt: now, recordedAt: now, correlationId: randomUUID(), causationId: null,
        actor: { id: 'system:rectification', role: 'system', unitId: null }, data: m.data,
      }),
    })));
  } finally {
    await producer.disconnect();
  }
}

describe('follow-up polls of breach cases (real PostgreSQL and Kafka)', () => {
  let t: EvaluationsTestApp;
  const http = () => request(t.app.getHttpServer());
  const asInspector = (r: request.Test) => r.set('Authorization', t.inspector);

  const issue = async (campaignId: string, group: string, count: number): Promise<string[]> =>
    (await asInspector(http().post(`/api/evaluations/campaigns/${campaignId}/tokens`)).send({ group, count }).expect(201)).body.tokens;
  const castAll = async (tokens: string[], rating: (i: number) => { targetId: string; rating: string }[]) => {
    for (const [i, token] of tokens.entries()) await http().post('/api/public/ballots').send({ token, ratings: rating(i) }).expect(201);
  };
  const followUpsOf = async (caseId: string) =>
    (await asInspector(http().get(`/api/evaluations/campaigns?followUpOfCaseId=${caseId}&pageSize=50`)).expect(200)).body.items as { id: string; title: string }[];
  const streamTypes = async (campaignId: string) =>
    (await t.pool.query<{ type: string }>('SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version', [`campaign-${campaignId}`])).rows.map((r) => r.type);

  const verificationRequested = (caseId: string, overrides: Record<string, unknown> = {}) => ({
    type: 'VerificationRequested',
    data: { caseId, unitId: 'unit-a', responsibleUnitId: 'unit-a', category: 'MASS_DISCONNECTION', purpose: 'verification', basis: 'follow_up_poll', ...overrides },
  });

  let breachingId: string;
  const caseId = randomUUID();
  const rules = { unsatisfiedAbove: 0.3, satisfiedBelow: 0.6, minBallots: 4 };
  const groups = [{ name: 'public', weight: 1 }, { name: 'deputies', weight: 3 }];

  beforeAll(async () => {
    t = await startEvaluationsTestApp('eval_followup', { FOLLOW_UP_POLL_DAYS: '3' });
    const opened = await asInspector(http().post('/api/evaluations/campaigns')).send({
      title: 'Service window satisfaction',
      targets: [{ kind: 'unit', id: 'unit-a' }, { kind: 'unit', id: 'unit-b' }],
      groups,
      rules,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + DAY_MS).toISOString(),
    }).expect(201);
    breachingId = opened.body.id;
    await castAll(await issue(breachingId, 'public', 4), (i) => [{ targetId: 'unit-a', rating: i < 3 ? 'unsatisfied' : 'satisfied' }, { targetId: 'unit-b', rating: 'satisfied' }]);
    await asInspector(http().post(`/api/evaluations/campaigns/${breachingId}/close`)).expect(200);
    expect(await streamTypes(breachingId)).toContain('ThresholdBreached');
  });

  afterAll(async () => {
    await t?.close();
  });

  let followUpId: string;

  it('opens one follow-up poll per verification request of a breach case, with the breaching groups and rules, for the configured days', async () => {
    const requestOnce = { ...verificationRequested(caseId), eventId: randomUUID() };
    await publishInOrder(t.topicPrefix, `case-${caseId}`, [
      { type: 'CaseOpened', data: { caseId, unitId: 'unit-a', category: 'MASS_DISCONNECTION', title: 'Satisfaction breach', severity: 'general', source: { kind: 'evaluation_breach', ref: `${breachingId}:unit:unit-a` }, cadreIds: [] } },
      // Neither a look-back nor a case no breach of ours opened gets a poll.
      verificationRequested(caseId, { purpose: 'look_back', basis: 're_inspection' }),
      verificationRequested(randomUUID()),
      requestOnce,
      requestOnce,
    ]);
    await eventuallyTrue(async () => (await followUpsOf(caseId)).length === 1);
    // A second verification round (another request) gets its own poll; by then every earlier message was handled.
    await publishInOrder(t.topicPrefix, `case-${caseId}`, [verificationRequested(caseId)]);
    await eventuallyTrue(async () => (await followUpsOf(caseId)).length === 2);
    expect((await t.pool.query('SELECT count(*)::int AS n FROM campaign_list WHERE follow_up_of_case_id IS NOT NULL')).rows[0].n).toBe(2);

    const [, first] = await followUpsOf(caseId);
    followUpId = first.id;
    const { body } = await asInspector(http().get(`/api/evaluations/campaigns/${followUpId}`)).expect(200);
    expect(body).toMatchObject({
      title: 'Follow-up: Service window satisfaction',
      status: 'open',
      targets: [{ kind: 'unit', id: 'unit-a', unitId: 'unit-a' }],
      groups,
      rules,
      followUpOfCaseId: caseId,
    });
    expect(Date.parse(body.closesAt) - Date.parse(body.opensAt)).toBe(3 * DAY_MS);
  });

  it('publishes the follow-up result with its case, and a breach there returns the case instead of opening another', async () => {
    await castAll(await issue(followUpId, 'deputies', 4), (i) => [{ targetId: 'unit-a', rating: i < 2 ? 'unsatisfied' : 'basically_satisfied' }]);
    const closed = await asInspector(http().post(`/api/evaluations/campaigns/${followUpId}/close`)).expect(200);
    expect(closed.body.targets).toEqual([expect.objectContaining({ targetId: 'unit-a', ballots: 4, breach: true, repeatedBreach: true })]);
    expect(await streamTypes(followUpId)).toEqual(['CampaignOpened', 'BallotTokensIssued', 'CampaignClosed', 'TargetRated']);

    // Both campaigns' results: they may sit on different partitions, read in any order.
    const ratedIn = (campaignId: string) => (events: Array<{ type: string; data: { campaignId?: string } }>) =>
      events.some((e) => e.type === 'TargetRated' && e.data.campaignId === campaignId);
    const published = await readTopicUntil(`${t.topicPrefix}evaluations.events`, (events) => ratedIn(followUpId)(events) && ratedIn(breachingId)(events));
    const rated = published.find((e) => e.type === 'TargetRated' && e.data.campaignId === followUpId);
    expect(rated?.data).toMatchObject({ targetId: 'unit-a', breach: true, unsatisfiedShare: 0.5, followUpOfCaseId: caseId });
    expect(published.find((e) => e.type === 'TargetRated' && e.data.campaignId === breachingId)?.data).not.toHaveProperty('followUpOfCaseId');
  });

  it('keeps manually opened follow-up polls working: their results name the case too', async () => {
    const manualCase = randomUUID();
    const opened = await asInspector(http().post('/api/evaluations/campaigns')).send({
      title: 'Township A re-survey',
      targets: [{ kind: 'unit', id: 'unit-b' }],
      groups: [{ name: 'public', weight: 1 }],
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + DAY_MS).toISOString(),
      followUpOfCaseId: manualCase,
    }).expect(201);
    await asInspector(http().post(`/api/evaluations/campaigns/${opened.body.id}/close`)).expect(200);
    await eventuallyTrue(async () => (await followUpsOf(manualCase)).some((c) => c.id === opened.body.id));
    const { rows } = await t.pool.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'TargetRated'`, [`campaign-${opened.body.id}`]);
    expect(rows.map((r) => r.data)).toEqual([expect.objectContaining({ targetId: 'unit-b', insufficientSample: true, followUpOfCaseId: manualCase })]);
  });
});
