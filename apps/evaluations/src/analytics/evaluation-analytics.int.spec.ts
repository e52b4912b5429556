import request from 'supertest';
import { TokenService } from '@rectify/auth';
import { eventually } from '@rectify/test-kit';
import { type EvaluationsTestApp, startEvaluationsTestApp } from '../testing/evaluations-test-app';
import { EvaluationAnalyticsProjections } from './analytics-projections';

jest.setTimeout(60_000);

type Rating = { targetId: string; rating: string };

/**
 * Two campaigns closed through the real commands, with ballots cast on the public endpoint:
 *   first:  unit-a 3 of 4 satisfied; unit-b one ballot (below minBallots 2); cadre-1 competent
 *   second: unit-a 1 of 2 satisfied; unit-b 2 of 2 satisfied
 */
describe('GET /api/evaluations/analytics (real PostgreSQL and Kafka)', () => {
  let t: EvaluationsTestApp;
  let analyst: string;
  const ids = { first: '', second: '' };
  const closedAt: Record<string, string> = {};
  let between: string;

  const http = () => request(t.app.getHttpServer());
  const runCampaign = async (targets: object[], ballots: Rating[][]) => {
    const opened = await http().post('/api/evaluations/campaigns').set('Authorization', t.inspector).send({
      title: 'Service window satisfaction',
      targets,
      groups: [{ name: 'public', weight: 1 }],
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      rules: { unsatisfiedAbove: 0.3, satisfiedBelow: 0.6, minBallots: 2 },
    }).expect(201);
    const id = opened.body.id as string;
    const { tokens } = (await http().post(`/api/evaluations/campaigns/${id}/tokens`).set('Authorization', t.inspector).send({ group: 'public', count: ballots.length }).expect(201)).body;
    for (const [i, ratings] of ballots.entries()) await http().post('/api/public/ballots').send({ token: tokens[i], ratings }).expect(201);
    await http().post(`/api/evaluations/campaigns/${id}/close`).set('Authorization', t.inspector).expect(200);
    closedAt[id] = (await http().get(`/api/evaluations/campaigns/${id}`).set('Authorization', t.inspector).expect(200)).body.closedAt;
    return id;
  };
  const settled = () =>
    eventually(async () => {
      await t.app.get(EvaluationAnalyticsProjections).catchUp();
      const { rows } = await t.pool.query(
        `SELECT (SELECT position FROM projection_checkpoints WHERE name = 'evaluations.unit_satisfaction') >= (SELECT max(position) FROM events) AS done`,
      );
      return rows[0].done === true;
    }, 10_000, 'unit_satisfaction to catch up');
  const analytics = async (auth: string, query = '') => {
    await settled();
    return (await http().get(`/api/evaluations/analytics${query}`).set('Authorization', auth).expect(200)).body;
  };
  const point = (campaignId: string, satisfiedShare: number) => ({ campaignId, closedAt: closedAt[campaignId], satisfiedShare });

  beforeAll(async () => {
    t = await startEvaluationsTestApp('eval_analytics');
    analyst = `Bearer ${t.app.get(TokenService).sign({ id: 'u-analyst', username: 'analyst', role: 'analyst', unitId: null })}`;
    const sat = (targetId: string) => ({ targetId, rating: 'satisfied' });
    const unsat = (targetId: string) => ({ targetId, rating: 'unsatisfied' });
    ids.first = await runCampaign(
      [{ kind: 'unit', id: 'unit-a' }, { kind: 'unit', id: 'unit-b' }, { kind: 'cadre', id: 'cadre-1', unitId: 'unit-a' }],
      [[sat('unit-a'), sat('unit-b'), { targetId: 'cadre-1', rating: 'competent' }], [sat('unit-a'), { targetId: 'cadre-1', rating: 'competent' }], [sat('unit-a')], [unsat('unit-a')]],
    );
    between = new Date(Date.parse(closedAt[ids.first]) + 1).toISOString();
    ids.second = await runCampaign(
      [{ kind: 'unit', id: 'unit-a' }, { kind: 'unit', id: 'unit-b' }],
      [[sat('unit-a'), sat('unit-b')], [unsat('unit-a'), sat('unit-b')]],
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('gives each unit the satisfied share of every campaign closed in the window, oldest first; no cadres, no thin samples', async () => {
    const body = await analytics(analyst);
    expect(body.satisfaction).toEqual([
      { unitId: 'unit-a', points: [point(ids.first, 0.75), point(ids.second, 0.5)] },
      { unitId: 'unit-b', points: [point(ids.second, 1)] },
    ]);
  });

  it('counts a campaign by its closing time in [from, to)', async () => {
    const later = await analytics(analyst, `?from=${between}`);
    expect(later.satisfaction).toEqual([
      { unitId: 'unit-a', points: [point(ids.second, 0.5)] },
      { unitId: 'unit-b', points: [point(ids.second, 1)] },
    ]);
    const earlier = await analytics(t.inspector, `?to=${between}`);
    expect(earlier.satisfaction).toEqual([{ unitId: 'unit-a', points: [point(ids.first, 0.75)] }]);
    expect((await analytics(analyst, `?to=${closedAt[ids.first]}`)).satisfaction).toEqual([]);
  });

  it('gives a department its own unit only', async () => {
    const body = await analytics(t.department);
    expect(body.satisfaction.map((u: { unitId: string }) => u.unitId)).toEqual(['unit-a']);
  });

  it('refuses a malformed instant with a 400 naming the field', async () => {
    const res = await http().get('/api/evaluations/analytics?from=last-week').set('Authorization', analyst).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['from']);
  });
});
