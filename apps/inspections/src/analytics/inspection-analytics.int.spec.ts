import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AuthUser, TokenService } from '@rectify/auth';
import { PG_POOL } from '@rectify/database';
import { withTransaction } from '@rectify/event-store';
import { createHttpApp } from '@rectify/http';
import { MessagingLifecycle } from '@rectify/messaging';
import { dropTestDatabase, eventually, feedDirectory } from '@rectify/test-kit';
import type { Pool } from 'pg';
import request from 'supertest';
import { AppModule } from '../app.module';
import { InspectionAnalyticsProjections } from './analytics-projections';

jest.setTimeout(90_000);

const PREFIX = 'rectify_test_insp_analytics';
const TOPIC_PREFIX = `test-insp-analytics-${randomUUID().slice(0, 8)}.`;
const DAY = 86_400_000;

const users: Record<string, AuthUser> = {
  lead: { id: randomUUID(), username: 'inspector', role: 'inspector', unitId: null },
  analyst: { id: randomUUID(), username: 'analyst', role: 'analyst', unitId: null },
  deptA: { id: randomUUID(), username: 'dept-a', role: 'department', unitId: 'unit-a' },
  deptC: { id: randomUUID(), username: 'dept-c', role: 'department', unitId: 'unit-c' },
};

const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/**
 * Visits recorded through the real commands:
 *   unannounced plan U → unit-a 10 days ago, unit-b 2 days ago
 *   announced plan N   → unit-a 2 days ago, unit-c 20 days ago
 *   sealed plan S (unannounced, unit-a and unit-c) → never visited
 */
describe('GET /api/inspections/analytics (real PostgreSQL and Kafka)', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  let tokens: Record<string, string>;

  const http = () => request(app.getHttpServer());
  const get = (who: keyof typeof users, path: string) => http().get(path).set('authorization', `Bearer ${tokens[who]}`);
  const post = (path: string, body: object) => http().post(path).set('authorization', `Bearer ${tokens.lead}`).send(body);
  const plan = async (mode: 'unannounced' | 'announced', targetUnitIds: string[]) =>
    (await post('/api/inspections/plans', {
      title: `${mode} visits`, mode, scope: 'comprehensive', targetUnitIds,
      window: { from: daysAgo(30), to: new Date(Date.now() + 7 * DAY).toISOString() },
      team: [users.lead.id], checklist: ['DISCIPLINE_LAXITY'],
    }).expect(201)).body.id as string;
  const visit = (planId: string, unitId: string, arrivedAt: string) =>
    post(`/api/inspections/plans/${planId}/visits`, { unitId, arrivedAt, observations: [{ category: 'DISCIPLINE_LAXITY', compliant: true }] }).expect(201);
  const settled = () =>
    eventually(async () => {
      await app.get(InspectionAnalyticsProjections).catchUp();
      const { rows } = await pool.query(
        `SELECT (SELECT position FROM projection_checkpoints WHERE name = 'inspections.visit_log') >= (SELECT max(position) FROM events) AS done`,
      );
      return rows[0].done === true;
    }, 10_000, 'visit_log to catch up');
  const analytics = async (who: keyof typeof users, query = '') => {
    await settled();
    return (await get(who, `/api/inspections/analytics${query}`).expect(200)).body;
  };

  beforeAll(async () => {
    Object.assign(process.env, { JWT_SECRET: 'insp-analytics-int-test-secret-0123456789', DATABASE_NAME_PREFIX: PREFIX, KAFKA_TOPIC_PREFIX: TOPIC_PREFIX });
    await dropTestDatabase(`${PREFIX}_inspections`);
    app = await createHttpApp(AppModule, { name: 'inspections', logLevel: 'error' });
    await app.init();
    await app.get(MessagingLifecycle).ready();
    pool = app.get(PG_POOL);
    await feedDirectory({ topicPrefix: TOPIC_PREFIX, pool });
    const signer = app.get(TokenService);
    tokens = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, signer.sign(u)]));

    const unannounced = await plan('unannounced', ['unit-a', 'unit-b']);
    const announced = await plan('announced', ['unit-a', 'unit-c']);
    await plan('unannounced', ['unit-a', 'unit-c']);
    await visit(unannounced, 'unit-a', daysAgo(10));
    await visit(unannounced, 'unit-b', daysAgo(2));
    await visit(announced, 'unit-a', daysAgo(2));
    await visit(announced, 'unit-c', daysAgo(20));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('counts the visits of the last 90 days and the unannounced share, and nothing about any plan', async () => {
    const body = await analytics('analyst');
    expect(body).toEqual({ from: expect.any(String), to: expect.any(String), visits: 4, unannounced: 2, unannouncedShare: 0.5 });
  });

  it('counts a visit by its arrival in [from, to)', async () => {
    expect(await analytics('lead', `?from=${daysAgo(15)}`)).toMatchObject({ visits: 3, unannounced: 2, unannouncedShare: 2 / 3 });
    expect(await analytics('lead', `?from=${daysAgo(15)}&to=${daysAgo(5)}`)).toMatchObject({ visits: 1, unannounced: 1, unannouncedShare: 1 });
    expect(await analytics('lead', `?to=${daysAgo(25)}`)).toMatchObject({ visits: 0, unannounced: 0, unannouncedShare: null });
  });

  it('gives a department the visits to its own unit only; the sealed plan on it stays unseen', async () => {
    expect(await analytics('deptA')).toMatchObject({ visits: 2, unannounced: 1, unannouncedShare: 0.5 });
    expect(await analytics('deptC')).toMatchObject({ visits: 1, unannounced: 0, unannouncedShare: 0 });
  });

  it('refuses `from` after `to` with a 400 naming `from`', async () => {
    const res = await get('lead', `/api/inspections/analytics?from=${daysAgo(1)}&to=${daysAgo(2)}`).expect(400);
    expect(res.body.errors).toEqual([{ field: 'from', message: expect.any(String) }]);
  });

  it('rebuilds visit_log from the log to the same figures', async () => {
    const live = await analytics('analyst', `?from=${daysAgo(15)}`);
    await withTransaction(pool, async (tx) => {
      await tx.query('TRUNCATE visit_log');
      await tx.query(`DELETE FROM projection_checkpoints WHERE name = 'inspections.visit_log'`);
    });
    expect(await analytics('analyst', `?from=${live.from}&to=${live.to}`)).toEqual(live);
  });
});
