import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PG_POOL } from '@rectify/database';
import { createHttpApp } from '@rectify/http';
import { MessagingLifecycle } from '@rectify/messaging';
import { dropTestDatabase, envelopeOf, readTopic } from '@rectify/test-kit';
import type { Pool } from 'pg';
import request from 'supertest';
import { AppModule } from '../app.module';
import { mountApiProxy } from '../proxy/mount-api-proxy';

jest.setTimeout(120_000);

const PREFIX = 'rectify_test_gwdir';
const TOPIC_PREFIX = `test-gwdir-${randomUUID().slice(0, 8)}.`;

describe('directory administration and the gateway.events feed (real PostgreSQL and Kafka)', () => {
  let app: NestExpressApplication;
  let pool: Pool;
  const tokens: Record<string, string> = {};

  const as = (who: string) => ({
    get: (path: string) => request(app.getHttpServer()).get(path).set('authorization', `Bearer ${tokens[who]}`),
    post: (path: string, body: object) => request(app.getHttpServer()).post(path).set('authorization', `Bearer ${tokens[who]}`).send(body),
    patch: (path: string, body: object) => request(app.getHttpServer()).patch(path).set('authorization', `Bearer ${tokens[who]}`).send(body),
    put: (path: string, body: object) => request(app.getHttpServer()).put(path).set('authorization', `Bearer ${tokens[who]}`).send(body),
  });
  const login = async (username: string, password = 'rectify-demo') =>
    (await request(app.getHttpServer()).post('/api/auth/login').send({ username, password }).expect(200)).body.accessToken as string;
  const feed = (done: (types: string[]) => boolean) =>
    readTopic(`${TOPIC_PREFIX}gateway.events`, (messages) => done(messages.map((m) => envelopeOf(m).type as string)));
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);

  beforeAll(async () => {
    Object.assign(process.env, { JWT_SECRET: 'gateway-dir-int-test-secret-0123456789', DATABASE_NAME_PREFIX: PREFIX, KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, DEMO_DATA: 'true', DEMO_PASSWORD: 'rectify-demo' });
    await dropTestDatabase(`${PREFIX}_gateway`);
    app = await createHttpApp(AppModule, { name: 'gateway', beforeBodyParser: mountApiProxy, logLevel: 'error' });
    await app.init();
    await app.get(MessagingLifecycle).ready();
    pool = app.get(PG_POOL);
    for (const who of ['admin', 'inspector', 'dept-a', 'analyst']) tokens[who] = await login(who);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('publishes the demo units on gateway.events, superiors first', async () => {
    const messages = await readTopic(`${TOPIC_PREFIX}gateway.events`, (seen) => seen.length >= 4);
    const units = messages.map((m) => envelopeOf(m)).filter((e) => e.type === 'UnitRegistered').map((e) => e.data);
    expect(units).toEqual(expect.arrayContaining([
      { unitId: 'county', name: 'County Government', parentId: null },
      { unitId: 'unit-a', name: 'County Transport Bureau', parentId: 'county' },
    ]));
  });

  it('lets an admin create and move a unit, and publishes both changes', async () => {
    await as('admin').post('/api/units', { id: 'township-b', name: 'Township B Government', parentId: 'county' }).expect(201);
    await as('admin').post('/api/units', { id: 'office-b1', name: 'Township B Service Window', parentId: 'township-b' }).expect(201);
    const moved = await as('admin').patch('/api/units/office-b1', { parentId: 'unit-b' }).expect(200);
    expect(moved.body).toEqual({ id: 'office-b1', name: 'Township B Service Window', parentId: 'unit-b' });

    const messages = await readTopic(`${TOPIC_PREFIX}gateway.events`, (seen) => seen.some((m) => envelopeOf(m).type === 'UnitUpdated'));
    const officeEvents = messages.map((m) => envelopeOf(m)).filter((e) => e.data.unitId === 'office-b1');
    expect(officeEvents.map((e) => [e.type, e.streamVersion, e.data.parentId, e.actor.role])).toEqual([
      ['UnitRegistered', 1, 'township-b', 'admin'],
      ['UnitUpdated', 2, 'unit-b', 'admin'],
    ]);
    expect((await as('dept-a').get('/api/units').expect(200)).body.items).toEqual(expect.arrayContaining([{ id: 'office-b1', name: 'Township B Service Window', parentId: 'unit-b' }]));
  });

  it('refuses an unknown superior, a cycle, a duplicate id and a non-admin, writing nothing', async () => {
    const before = await eventCount();
    const unknown = await as('admin').post('/api/units', { id: 'orphan', name: 'Orphan', parentId: 'nowhere' }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'parentId', message: expect.stringContaining('nowhere') }]);
    const cycle = await as('admin').patch('/api/units/county', { parentId: 'unit-a' }).expect(400);
    expect(cycle.body.errors[0].field).toBe('parentId');
    await as('admin').post('/api/units', { id: 'unit-a', name: 'Again' }).expect(409);
    const badId = await as('admin').post('/api/units', { id: 'Not A Slug', name: 'x' }).expect(400);
    expect(badId.body.errors[0].field).toBe('id');
    await as('inspector').post('/api/units', { id: 'sneaky', name: 'Sneaky' }).expect(403);
    await as('admin').patch('/api/units/nowhere', { name: 'x' }).expect(404);
    expect(await eventCount()).toBe(before);
  });

  it('lets an admin manage users: create, change role and unit, reset a password', async () => {
    const created = await as('admin').post('/api/users', { username: 'dept-b1', password: 'window-pass-1', role: 'department', unitId: 'unit-b' }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), username: 'dept-b1', role: 'department', unitId: 'unit-b' });
    const login1 = await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'dept-b1', password: 'window-pass-1' }).expect(200);
    expect(login1.body.user.unitId).toBe('unit-b');

    await as('admin').patch(`/api/users/${created.body.id}`, { unitId: 'unit-c' }).expect(200);
    await as('admin').post(`/api/users/${created.body.id}/reset-password`, { password: 'a-new-password' }).expect(204);
    await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'dept-b1', password: 'window-pass-1' }).expect(401);
    const login2 = await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'dept-b1', password: 'a-new-password' }).expect(200);
    expect(login2.body.user.unitId).toBe('unit-c');

    const list = await as('admin').get('/api/users?pageSize=100').expect(200);
    expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['admin', 'dept-a', 'dept-b1']));
    expect(JSON.stringify(list.body)).not.toContain('password');
  });

  it('refuses bad users with the field named: no unit for a department, unknown unit, taken username', async () => {
    const noUnit = await as('admin').post('/api/users', { username: 'lonely', password: 'long-enough', role: 'department' }).expect(400);
    expect(noUnit.body.errors).toEqual([{ field: 'unitId', message: expect.any(String) }]);
    const unknownUnit = await as('admin').post('/api/users', { username: 'lost', password: 'long-enough', role: 'inspector', unitId: 'nowhere' }).expect(400);
    expect(unknownUnit.body.errors[0].field).toBe('unitId');
    await as('admin').post('/api/users', { username: 'dept-a', password: 'long-enough', role: 'analyst' }).expect(409);
    await as('analyst').get('/api/users').expect(403);
  });

  it('sets a taxonomy time limit and default thresholds, visible in GET /api/taxonomy and on the feed', async () => {
    const set = await as('admin').put('/api/taxonomy/PROCRASTINATION', { severity: 'serious', days: 10 }).expect(200);
    expect(set.body).toEqual({ code: 'PROCRASTINATION', label: expect.any(String), severity: 'serious', days: 10 });
    const taxonomy = await request(app.getHttpServer()).get('/api/taxonomy').expect(200);
    expect(taxonomy.body.items.find((t: { code: string }) => t.code === 'PROCRASTINATION')).toMatchObject({ severity: 'serious', days: 10 });
    expect(taxonomy.body.items.find((t: { code: string }) => t.code === 'SIDE_BUSINESS')).toMatchObject({ severity: 'grave', days: 7 });

    const badCode = await as('admin').put('/api/taxonomy/NOT_A_CODE', { severity: 'serious', days: 10 }).expect(400);
    expect(badCode.body.errors[0].field).toBe('code');
    const badDays = await as('admin').put('/api/taxonomy/FORMALISM', { severity: 'serious', days: 0 }).expect(400);
    expect(badDays.body.errors[0].field).toBe('days');

    expect((await as('inspector').get('/api/settings/thresholds').expect(200)).body).toEqual({ unsatisfiedAbove: 0.3, satisfiedBelow: 0.6, minBallots: 20 });
    await as('admin').put('/api/settings/thresholds', { unsatisfiedAbove: 0.25, satisfiedBelow: 0.65, minBallots: 30 }).expect(200);
    expect((await as('analyst').get('/api/settings/thresholds').expect(200)).body).toEqual({ unsatisfiedAbove: 0.25, satisfiedBelow: 0.65, minBallots: 30 });
    await as('inspector').put('/api/settings/thresholds', { unsatisfiedAbove: 0.9, satisfiedBelow: 0.1, minBallots: 1 }).expect(403);

    const messages = await feed((types) => types.includes('TaxonomyLimitSet') && types.includes('ThresholdDefaultsSet'));
    const events = messages.map((m) => envelopeOf(m));
    expect(events.find((e) => e.type === 'TaxonomyLimitSet')?.data).toEqual({ code: 'PROCRASTINATION', severity: 'serious', days: 10 });
    expect(events.find((e) => e.type === 'ThresholdDefaultsSet')?.data).toEqual({ unsatisfiedAbove: 0.25, satisfiedBelow: 0.65, minBallots: 30 });
  });
});
