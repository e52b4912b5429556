import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AuthUser, TokenService } from '@rectify/auth';
import { PG_POOL } from '@rectify/database';
import { PgEventStore } from '@rectify/event-store';
import { createHttpApp } from '@rectify/http';
import { MessagingLifecycle } from '@rectify/messaging';
import { dropTestDatabase, eventually, feedDirectory } from '@rectify/test-kit';
import type { Pool } from 'pg';
import request from 'supertest';
import { AppModule } from '../app.module';
import { CaseProjections } from '../cases/projections/case-projections';
import { DeadlineWatcher } from '../cases/timers/deadline-watcher';
import { rebuildReadModels } from '../cli/rebuild-read-models';
import { isoWeek } from './iso-week';

jest.setTimeout(120_000);

const PREFIX = 'rectify_test_rect_analytics';
const TOPIC_PREFIX = `test-rect-analytics-${randomUUID().slice(0, 8)}.`;
const DAY = 86_400_000;

const users: Record<string, AuthUser> = {
  inspector: { id: randomUUID(), username: 'inspector', role: 'inspector', unitId: null },
  analyst: { id: randomUUID(), username: 'analyst', role: 'analyst', unitId: null },
  deptA: { id: randomUUID(), username: 'dept-a', role: 'department', unitId: 'unit-a' },
  deptB: { id: randomUUID(), username: 'dept-b', role: 'department', unitId: 'unit-b' },
};

/**
 * Five cases opened through the real commands (and the deadline watcher), then the figures:
 *   A unit-a PROCRASTINATION  returned once, resolved, closed, reopened  → rectifying
 *   B unit-a FORMALISM        resolved at the first verification          → resolved
 *   C unit-b FORMALISM        assigned, deadline passed                   → assigned, overdue
 *   D unit-b DISCIPLINE_LAXITY dismissed                                  → dismissed
 *   E unit-a PROCRASTINATION  never assigned                              → registered
 */
describe('GET /api/cases/analytics (real PostgreSQL and Kafka)', () => {
  let app: NestFastifyApplication;
  let tokens: Record<string, string>;
  const ids: Record<'A' | 'B' | 'C' | 'D' | 'E', string> = { A: '', B: '', C: '', D: '', E: '' };
  let openedBefore: Date;

  const http = () => request(app.getHttpServer());
  const get = (who: keyof typeof users, path: string) => http().get(path).set('authorization', `Bearer ${tokens[who]}`);
  const post = (who: keyof typeof users, path: string, body: object = {}) => http().post(path).set('authorization', `Bearer ${tokens[who]}`).send(body);
  const run = async (who: keyof typeof users, id: string, command: string, body: object = {}) => post(who, `/api/cases/${id}/${command}`, body).expect(200);
  const open = async (unitId: string, category: string) =>
    (await post('inspector', '/api/cases', { unitId, category, title: `${category} at ${unitId}`, description: 'seen on a visit', source: { kind: 'manual' } }).expect(201)).body.id as string;
  const assign = (id: string, unitId: string, days: number) =>
    run('inspector', id, 'assign', { responsibleUnitId: unitId, responsiblePerson: 'Director Wang', deadline: new Date(Date.now() + days * DAY).toISOString() });
  const untilReported = async (id: string, dept: keyof typeof users) => {
    await run(dept, id, 'acknowledge');
    await run(dept, id, 'measures', { measures: [{ description: 'Weekly duty roster', owner: 'Deputy Li', dueDate: new Date(Date.now() + 5 * DAY).toISOString() }] });
    await run(dept, id, 'report-rectified', { summary: 'Roster in force' });
  };
  const verify = (id: string, outcome: 'passed' | 'failed') => run('inspector', id, 'verify', { outcome, basis: 'on_site_check', note: `verification ${outcome}` });
  /** Read models follow the log: wait until the timers and case_stats have applied every event written so far. */
  const settled = () =>
    eventually(async () => {
      await app.get(CaseProjections).catchUp();
      const { rows } = await app.get<Pool>(PG_POOL).query(
        `SELECT count(*)::int AS n FROM projection_checkpoints
          WHERE name IN ('case_timers', 'case_stats') AND position >= (SELECT max(position) FROM events)`,
      );
      return rows[0].n === 2;
    }, 10_000, 'the read models to catch up');
  const analytics = async (who: keyof typeof users, query = '') => {
    await settled();
    return (await get(who, `/api/cases/analytics${query}`).expect(200)).body;
  };
  /** Days from opening to the first CaseResolved, from the case's own timeline. */
  const daysToResolve = async (id: string) => {
    const { body } = await get('inspector', `/api/cases/${id}/timeline`).expect(200);
    const at = (type: string) => Date.parse(body.events.find((e: { type: string; service: string }) => e.service === 'rectification' && e.type === type).at);
    return (at('CaseResolved') - at('CaseOpened')) / DAY;
  };

  beforeAll(async () => {
    Object.assign(process.env, { JWT_SECRET: 'rect-analytics-int-test-secret-0123456789', DATABASE_NAME_PREFIX: PREFIX, KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, RECTIFY_TIMER_INTERVAL_MS: '0', RECTIFY_TEST_CLOCK: 'true' });
    await dropTestDatabase(`${PREFIX}_rectification`);
    app = await createHttpApp(AppModule, { name: 'rectification', logLevel: 'error' });
    await app.init();
    await app.get(MessagingLifecycle).ready();
    await feedDirectory({ topicPrefix: TOPIC_PREFIX, pool: app.get(PG_POOL) });
    const signer = app.get(TokenService);
    tokens = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, signer.sign(u)]));

    openedBefore = new Date(Date.now() - 1000);
    ids.A = await open('unit-a', 'PROCRASTINATION');
    ids.B = await open('unit-a', 'FORMALISM');
    ids.C = await open('unit-b', 'FORMALISM');
    ids.D = await open('unit-b', 'DISCIPLINE_LAXITY');
    ids.E = await open('unit-a', 'PROCRASTINATION');

    await assign(ids.A, 'unit-a', 10);
    await untilReported(ids.A, 'deptA');
    await verify(ids.A, 'failed');
    await run('deptA', ids.A, 'report-rectified', { summary: 'Roster enforced with spot checks' });
    await verify(ids.A, 'passed');
    await run('inspector', ids.A, 'close', { note: 'done' });
    await run('inspector', ids.A, 'reopen', { reason: 'window 3 empty again on the look-back' });

    await assign(ids.B, 'unit-a', 10);
    await untilReported(ids.B, 'deptA');
    await verify(ids.B, 'passed');

    await assign(ids.C, 'unit-b', 1);
    await settled();
    const { fired } = await app.get(DeadlineWatcher).tick(new Date(Date.now() + 2 * DAY));
    expect(fired.map((f) => f.caseId)).toEqual([ids.C]);

    await run('inspector', ids.D, 'dismiss', { reason: 'unfounded: the office was closed that day' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('counts the window\'s cases by status, category and unit for an inspector', async () => {
    const body = await analytics('inspector');
    expect(body.total).toBe(5);
    expect(body.byStatus).toEqual({ registered: 1, assigned: 1, acknowledged: 0, rectifying: 1, reported: 0, verifying: 0, resolved: 1, closed: 0, dismissed: 1, merged: 0 });
    expect(body.byCategory).toMatchObject({ PROCRASTINATION: 2, FORMALISM: 2, DISCIPLINE_LAXITY: 1, EXTRAVAGANCE: 0 });
    expect(body.byUnit).toEqual([
      { unitId: 'unit-a', total: 3, open: 2, overdue: 0 },
      { unitId: 'unit-b', total: 2, open: 1, overdue: 1 },
    ]);
  });

  it('computes the overdue, return and reopen rates and the median time to resolve', async () => {
    const body = await analytics('analyst');
    expect(body.overdueRate).toBe(1 / 5); // C of five
    expect(body.returnRate).toBe(1 / 2); // A returned, of A and B that reached verification
    expect(body.reopenRate).toBe(1 / 2); // A reopened, of A and B that were resolved
    const [a, b] = [await daysToResolve(ids.A), await daysToResolve(ids.B)];
    expect(body.medianDaysToResolve).toBeCloseTo((a + b) / 2, 9);
  });

  it('gives the overdue rate per ISO week of opening, null for weeks without cases', async () => {
    const body = await analytics('inspector');
    const thisWeek = isoWeek(new Date());
    expect(body.overdueTrend.length).toBeGreaterThanOrEqual(13);
    expect(body.overdueTrend[body.overdueTrend.length - 1]).toEqual({ week: thisWeek, rate: 1 / 5 });
    expect(body.overdueTrend.filter((w: { rate: number | null }) => w.rate !== null)).toHaveLength(1);
  });

  it('holds a department to the cases of its own unit', async () => {
    const body = await analytics('deptB');
    expect(body.total).toBe(2);
    expect(body.byUnit).toEqual([{ unitId: 'unit-b', total: 2, open: 1, overdue: 1 }]);
    expect(body).toMatchObject({ overdueRate: 1 / 2, returnRate: null, reopenRate: null, medianDaysToResolve: null });
    expect((await analytics('deptA')).byUnit.map((u: { unitId: string }) => u.unitId)).toEqual(['unit-a']);
  });

  it('counts only cases opened in [from, to), with null rates for an empty window', async () => {
    const after = new Date(Date.now() + 1000).toISOString();
    const empty = await analytics('inspector', `?from=${encodeURIComponent(after)}&to=${encodeURIComponent(new Date(Date.now() + 8 * DAY).toISOString())}`);
    expect(empty).toMatchObject({ from: after, total: 0, byUnit: [], medianDaysToResolve: null, overdueRate: null, returnRate: null, reopenRate: null });
    expect(empty.byStatus.registered).toBe(0);
    const before = await analytics('inspector', `?to=${encodeURIComponent(openedBefore.toISOString())}`);
    expect(before.total).toBe(0);
    const around = await analytics('inspector', `?from=${encodeURIComponent(openedBefore.toISOString())}&to=${encodeURIComponent(after)}`);
    expect(around.total).toBe(5);
  });

  it('refuses a bad window with a 400 naming the field', async () => {
    const reversed = await get('inspector', '/api/cases/analytics?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z').expect(400);
    expect(reversed.headers['content-type']).toContain('application/problem+json');
    expect(reversed.body.errors).toEqual([{ field: 'from', message: expect.any(String) }]);
    const garbage = await get('inspector', '/api/cases/analytics?to=yesterday').expect(400);
    expect(garbage.body.errors.map((e: { field: string }) => e.field)).toEqual(['to']);
    await http().get('/api/cases/analytics').expect(401);
  });

  it('gives the same figures after `cases rebuild` as live', async () => {
    const live = await analytics('inspector');
    const reports = await rebuildReadModels(app.get(PgEventStore));
    expect(reports.find((r) => r.projection === 'case_stats')).toMatchObject({ equal: true, rows: 5 });
    const rebuilt = await analytics('inspector');
    expect({ ...rebuilt, from: undefined, to: undefined, overdueTrend: undefined }).toEqual({ ...live, from: undefined, to: undefined, overdueTrend: undefined });
  });
});
