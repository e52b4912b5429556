import request from 'supertest';
import { type EvaluationsTestApp, eventuallyTrue, readTopicUntil, startEvaluationsTestApp } from '../testing/evaluations-test-app';

type Rating = { targetId: string; rating: string };

jest.setTimeout(60_000);

describe('campaigns and ballots (real PostgreSQL and Kafka)', () => {
  let t: EvaluationsTestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startEvaluationsTestApp('eval_ballots');
  });

  afterAll(async () => {
    await t?.close();
  });

  const openCampaign = async (body: Record<string, unknown> = {}) => {
    const res = await http().post('/api/evaluations/campaigns').set('Authorization', t.inspector).send({
      title: 'Service window satisfaction',
      targets: [{ kind: 'unit', id: 'unit-a' }, { kind: 'unit', id: 'unit-b' }],
      groups: [{ name: 'public', weight: 1 }, { name: 'deputies', weight: 3 }],
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const issue = async (campaignId: string, group: string, count: number): Promise<string[]> => {
    const res = await http().post(`/api/evaluations/campaigns/${campaignId}/tokens`).set('Authorization', t.inspector).send({ group, count });
    expect(res.status).toBe(201);
    return res.body.tokens;
  };
  const cast = (token: string, ratings: Rating[]) => http().post('/api/public/ballots').send({ token, ratings });
  const close = (campaignId: string) => http().post(`/api/evaluations/campaigns/${campaignId}/close`).set('Authorization', t.inspector);
  const written = async () => {
    const { rows } = await t.pool.query(
      `SELECT (SELECT count(*) FROM ballots)::int AS ballots, (SELECT count(*) FROM ballot_ratings)::int AS ratings,
              (SELECT count(*) FROM ballot_tokens WHERE used)::int AS used, (SELECT count(*) FROM events)::int AS events`,
    );
    return rows[0] as { ballots: number; ratings: number; used: number; events: number };
  };

  describe('refusals write nothing', () => {
    let campaignId: string;
    let tokens: string[];

    beforeAll(async () => {
      campaignId = await openCampaign();
      tokens = await issue(campaignId, 'public', 3);
    });

    it('accepts a ballot once and refuses the same token again with 409', async () => {
      expect((await cast(tokens[0], [{ targetId: 'unit-a', rating: 'satisfied' }])).status).toBe(201);
      const before = await written();

      const again = await cast(tokens[0], [{ targetId: 'unit-b', rating: 'unsatisfied' }]);

      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'BALLOT.TOKEN_USED' });
      expect(await written()).toEqual(before);
    });

    it('refuses an unknown token with 404', async () => {
      const before = await written();

      const res = await cast('a'.repeat(26), [{ targetId: 'unit-a', rating: 'satisfied' }]);

      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'BALLOT.TOKEN_UNKNOWN' });
      expect(await written()).toEqual(before);
    });

    it('refuses a rating of a unit the campaign does not rate, keeping the token unspent', async () => {
      const before = await written();

      const res = await cast(tokens[1], [{ targetId: 'unit-a', rating: 'satisfied' }, { targetId: 'unit-c', rating: 'unsatisfied' }]);

      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'BALLOT.NOT_A_TARGET' });
      expect(await written()).toEqual(before);
    });

    it('refuses a ballot once the campaign is closed', async () => {
      expect((await close(campaignId)).status).toBe(200);
      const before = await written();

      const res = await cast(tokens[2], [{ targetId: 'unit-a', rating: 'satisfied' }]);

      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'BALLOT.CAMPAIGN_NOT_OPEN' });
      expect(await written()).toEqual(before);
    });

    it('answers 400 naming the field for a rating off every scale, and for an extra field', async () => {
      const res = await http().post('/api/public/ballots').send({ token: tokens[1], ratings: [{ targetId: 'unit-a', rating: 'excellent' }], name: 'Li' });

      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'ratings.0.rating']);
    });
  });

  describe('closing a campaign', () => {
    it('publishes ThresholdBreached for 35% unsatisfied of 40 ballots, and reports 35% of 10 ballots as insufficient_sample without a breach', async () => {
      const campaignId = await openCampaign();
      const publicTokens = await issue(campaignId, 'public', 40);
      const deputyTokens = await issue(campaignId, 'deputies', 5);
      // unit-a: 40 public ballots, 14 unsatisfied. unit-b: 5 public (4 unsatisfied) and 5 deputies
      // (1 unsatisfied, weight 3): (4 + 3) / (5 + 15) = 35% of 10 ballots.
      for (const [i, token] of publicTokens.entries()) {
        const ratings: Rating[] = [{ targetId: 'unit-a', rating: i < 14 ? 'unsatisfied' : 'satisfied' }];
        if (i < 5) ratings.push({ targetId: 'unit-b', rating: i < 4 ? 'unsatisfied' : 'satisfied' });
        expect((await cast(token, ratings)).status).toBe(201);
      }
      for (const [i, token] of deputyTokens.entries()) {
        expect((await cast(token, [{ targetId: 'unit-b', rating: i < 1 ? 'unsatisfied' : 'satisfied' }])).status).toBe(201);
      }

      const closed = await close(campaignId);

      expect(closed.status).toBe(200);
      const results = await http().get(`/api/evaluations/campaigns/${campaignId}/results`).set('Authorization', t.inspector);
      const byTarget = Object.fromEntries(results.body.targets.map((r: { targetId: string }) => [r.targetId, r]));
      expect(byTarget['unit-a']).toMatchObject({ ballots: 40, unsatisfiedShare: 0.35, satisfiedShare: 0.65, breach: true, insufficientSample: false, rank: 1 });
      expect(byTarget['unit-b']).toMatchObject({ ballots: 10, unsatisfiedShare: 0.35, breach: false, insufficientSample: true, rank: null });

      // What rectification consumes to open the case (its consumer: apps/rectification).
      const topic = `${t.topicPrefix}evaluations.events`;
      const ofCampaign = (events: { type: string; data: Record<string, unknown> }[]) => events.filter((e) => e.data.campaignId === campaignId);
      const published = ofCampaign(await readTopicUntil(topic, (events) => ofCampaign(events).some((e) => e.type === 'ThresholdBreached')));
      const breaches = published.filter((e) => e.type === 'ThresholdBreached');
      expect(breaches.map((e) => e.data)).toEqual([
        { campaignId, targetKind: 'unit', targetId: 'unit-a', unitId: 'unit-a', unsatisfiedShare: 0.35, satisfiedShare: 0.65, ballots: 40, repeated: false },
      ]);
    });

    it('flags a target in breach in two consecutive campaigns as repeated', async () => {
      const breachOf = async () => {
        const campaignId = await openCampaign({ targets: [{ kind: 'cadre', id: 'cadre-9', unitId: 'unit-b' }], rules: { minBallots: 2 } });
        for (const token of await issue(campaignId, 'public', 2)) {
          expect((await cast(token, [{ targetId: 'cadre-9', rating: 'incompetent' }])).body).toEqual({ status: 'accepted' });
        }
        const closed = await close(campaignId);
        return closed.body.targets[0];
      };

      expect(await breachOf()).toMatchObject({ breach: true, repeatedBreach: false });
      expect(await breachOf()).toMatchObject({ breach: true, repeatedBreach: true });
    });

    it('closes a campaign by itself once its closing time has passed', async () => {
      const campaignId = await openCampaign({ closesAt: new Date(Date.now() + 1_500).toISOString() });
      const [token] = await issue(campaignId, 'public', 1);
      expect((await cast(token, [{ targetId: 'unit-a', rating: 'satisfied' }])).status).toBe(201);

      await eventuallyTrue(async () => (await http().get(`/api/evaluations/campaigns/${campaignId}/results`).set('Authorization', t.inspector)).status === 200, 20_000);
      const results = await http().get(`/api/evaluations/campaigns/${campaignId}/results`).set('Authorization', t.inspector);
      expect(results.body).toMatchObject({ ballots: 1 });
    });

    it('lists closed campaigns with their ballots and breaches', async () => {
      await eventuallyTrue(async () => {
        const res = await http().get('/api/evaluations/campaigns?status=closed&pageSize=50').set('Authorization', t.inspector);
        return (res.body.items as { ballots: number; breaches: number }[]).some((c) => c.ballots === 45 && c.breaches === 1);
      });
    });

    it('finds the follow-up polls of a case', async () => {
      const caseId = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
      const followUp = await openCampaign({ title: 'Follow-up: window 2', targets: [{ kind: 'unit', id: 'unit-a' }], followUpOfCaseId: caseId });
      await eventuallyTrue(async () => {
        const res = await http().get(`/api/evaluations/campaigns?followUpOfCaseId=${caseId}`).set('Authorization', t.inspector);
        return res.body.total === 1 && res.body.items[0].id === followUp;
      });
    });
  });

  describe('anonymity', () => {
    it('stores no name, phone, e-mail, address, IP or user agent column in ballot or report tables', async () => {
      const { rows } = await t.pool.query<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
          WHERE table_schema = current_schema() AND (table_name LIKE 'ballot%' OR table_name LIKE 'report%')`,
      );
      expect(new Set(rows.map((r) => r.table_name))).toEqual(new Set(['ballot_tokens', 'ballots', 'ballot_ratings', 'report_receipts', 'report_details', 'report_cases', 'report_list']));
      const forbidden = /(^|_)(name|names|phone|mobile|tel|telephone|email|mail|address|addr|ip|inet|user_agent|agent|ua|device|browser)(_|$)/;
      expect(rows.filter((r) => forbidden.test(r.column_name)).map((r) => `${r.table_name}.${r.column_name}`)).toEqual([]);
      expect(rows.filter((r) => r.data_type === 'inet' || r.data_type === 'cidr')).toEqual([]);
    });

    it('keeps ballots to their day: no time of day in ballot tables, and no ballot in the event log', async () => {
      const { rows } = await t.pool.query<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name IN ('ballots', 'ballot_ratings', 'ballot_tokens')`,
      );
      expect(rows.filter((r) => /time|interval/.test(r.data_type))).toEqual([]);
      expect(rows.find((r) => r.table_name === 'ballots' && r.column_name === 'cast_on')?.data_type).toBe('date');
      const { rows: types } = await t.pool.query<{ type: string }>('SELECT DISTINCT type FROM events ORDER BY type');
      expect(types.map((r) => r.type)).toEqual(['BallotTokensIssued', 'CampaignClosed', 'CampaignOpened', 'TargetRated', 'ThresholdBreached']);
    });
  });

  describe('tokens', () => {
    it('returns them once as CSV for printing and stores only their hashes', async () => {
      const campaignId = await openCampaign();
      const res = await http().post(`/api/evaluations/campaigns/${campaignId}/tokens?format=csv`).set('Authorization', t.inspector).send({ group: 'public', count: 3 });

      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['cache-control']).toBe('no-store');
      const tokens = res.text.trim().split(/\r\n/).slice(1);
      expect(tokens).toHaveLength(3);
      const { rows } = await t.pool.query(`SELECT encode(token_hash, 'hex') AS h FROM ballot_tokens WHERE campaign_id = $1`, [campaignId]);
      expect(rows).toHaveLength(3);
      expect(JSON.stringify(rows)).not.toContain(tokens[0]);
    });

    it('refuses tokens for a group the campaign does not have, and campaigns to anonymous callers and departments', async () => {
      const campaignId = await openCampaign();
      const res = await http().post(`/api/evaluations/campaigns/${campaignId}/tokens`).set('Authorization', t.inspector).send({ group: 'strangers', count: 3 });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('CAMPAIGN.UNKNOWN_GROUP');
      expect((await http().post('/api/evaluations/campaigns').send({})).status).toBe(401);
      expect((await http().post('/api/evaluations/campaigns').set('Authorization', t.department).send({})).status).toBe(403);
    });
  });
});
