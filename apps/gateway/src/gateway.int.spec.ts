import type { NestExpressApplication } from '@nestjs/platform-express';
import { databaseName, serviceDatabaseUrl } from '@rectify/database';
import { createHttpApp } from '@rectify/http';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { mountApiProxy } from './proxy/mount-api-proxy';

const DEMO_PASSWORD = 'rectify-demo';

interface Received {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Stands in for the notifications service: records what the proxy forwarded. */
async function startFakeUpstream(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(202, { 'Content-Type': 'application/json', 'X-Upstream': 'notifications' });
      res.end(JSON.stringify({ stored: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

async function dropTestDatabase(): Promise<void> {
  const url = serviceDatabaseUrl(
    { DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', DATABASE_NAME_PREFIX: process.env.DATABASE_NAME_PREFIX! },
    'gateway',
  );
  const name = databaseName(url);
  if (!name.includes('test')) throw new Error(`refusing to drop ${name}: not a test database`);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function startGateway(): Promise<NestExpressApplication> {
  const app = await createHttpApp(AppModule, { name: 'gateway', beforeBodyParser: mountApiProxy, logLevel: 'error' });
  await app.init();
  return app;
}

async function directoryCounts(app: NestExpressApplication) {
  const [row] = await app.get(DataSource).query(
    'SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM users)::int AS users',
  );
  return row as { units: number; users: number };
}

describe('gateway (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;

  const login = (username: string, password = DEMO_PASSWORD) =>
    request(app.getHttpServer()).post('/api/auth/login').send({ username, password });

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    Object.assign(process.env, {
      JWT_SECRET: 'gateway-int-test-secret-0123456789',
      DATABASE_NAME_PREFIX: 'rectify_test',
      // Its own topics: the directory feed this gateway publishes must not reach anyone else.
      KAFKA_TOPIC_PREFIX: `test-gw-${process.pid}.`,
      DEMO_DATA: 'true',
      DEMO_PASSWORD,
      // Nothing listens on port 1: the rectification service is "down".
      RECTIFICATION_URL: 'http://127.0.0.1:1',
      NOTIFICATIONS_URL: upstream.url,
      EVALUATIONS_URL: upstream.url,
    });
    await dropTestDatabase();
    app = await startGateway();
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => upstream?.server.close(resolve));
  });

  describe('demo directory', () => {
    it('is created on first start', async () => {
      expect(await directoryCounts(app)).toEqual({ units: 4, users: 7 });
    });

    it('is not created again on a second start', async () => {
      await app.close();
      app = await startGateway();

      expect(await directoryCounts(app)).toEqual({ units: 4, users: 7 });
    });
  });

  describe('login', () => {
    it('returns a token and the user for a demo login', async () => {
      const response = await login('dept-a').expect(200);

      expect(response.body.user).toEqual({ id: expect.any(String), username: 'dept-a', role: 'department', unitId: 'unit-a' });
      expect(response.body.accessToken.split('.')).toHaveLength(3);
    });

    it('rejects a wrong password with a 401 problem', async () => {
      const response = await login('inspector', 'not-the-password').expect(401);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 401, code: 'AUTH.INVALID_CREDENTIALS' });
    });

    it('answers an unknown username exactly like a wrong password', async () => {
      const unknown = await login('nobody', 'whatever-password').expect(401);
      const wrong = await login('inspector2', 'whatever-password').expect(401);

      expect(unknown.body.detail).toBe(wrong.body.detail);
    });

    it('answers 429 after 10 failed attempts for a username, even with the right password', async () => {
      for (let i = 0; i < 10; i += 1) await login('analyst', `wrong-${i}`).expect(401);

      const blocked = await login('analyst').expect(429);

      expect(blocked.body).toMatchObject({ status: 429, code: 'AUTH.TOO_MANY_ATTEMPTS' });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('answers 400 naming the missing and the unexpected fields', async () => {
      const response = await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ username: 'admin', role: 'admin' })
        .expect(400);

      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'role']);
    });
  });

  describe('own routes', () => {
    it('refuses /api/units without a token with a 401 problem', async () => {
      const response = await request(app.getHttpServer()).get('/api/units').expect(401);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ type: 'about:blank', title: 'Unauthorized', status: 401 });
    });

    it('lists the units with their parents for a logged-in user', async () => {
      const { body } = await login('inspector').expect(200);

      const response = await request(app.getHttpServer())
        .get('/api/units')
        .set('Authorization', `Bearer ${body.accessToken}`)
        .expect(200);

      expect(response.body.items).toContainEqual({ id: 'unit-a', name: 'County Transport Bureau', parentId: 'county' });
      expect(response.body.items).toHaveLength(4);
    });

    it('lists the 14 taxonomy codes with severity and default days', async () => {
      const response = await request(app.getHttpServer()).get('/api/taxonomy').expect(200);

      expect(response.body.items).toHaveLength(14);
      expect(response.body.items).toContainEqual(expect.objectContaining({ code: 'SIDE_BUSINESS', severity: 'grave', days: 7 }));
    });

    it('reports the database on /health without a token', async () => {
      const response = await request(app.getHttpServer()).get('/health').expect(200);

      expect(response.body.info.database.status).toBe('up');
    });

    it('serves a public home page that points to the API documentation', async () => {
      const response = await request(app.getHttpServer()).get('/').expect(200);

      expect(response.headers['content-type']).toContain('text/html');
      expect(response.text).toContain('href="/docs"');
    });

    it('sets the security headers', async () => {
      const response = await request(app.getHttpServer()).get('/health');

      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    it('rejects a body over 100kb with a 413 problem', async () => {
      const response = await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ username: 'admin', password: 'x'.repeat(120_000) }))
        .expect(413);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('rejects malformed JSON with a 400 problem', async () => {
      const response = await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username": ')
        .expect(400);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('exposes Prometheus metrics with the request histogram', async () => {
      const response = await request(app.getHttpServer()).get('/metrics').expect(200);

      expect(response.text).toContain('http_request_duration_seconds_bucket');
    });
  });

  describe('proxy', () => {
    it('refuses a public request body over 16 KiB with 413 before it reaches the service', async () => {
      const before = upstream.received.length;
      const response = await request(app.getHttpServer())
        .post('/api/public/reports')
        .send({ description: 'x'.repeat(20_000), channel: 'web' })
        .expect(413);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 413, code: 'GATEWAY.PAYLOAD_TOO_LARGE' });
      expect(upstream.received.length).toBe(before);

      await request(app.getHttpServer()).post('/api/public/reports').send({ description: 'Window 3 closed at 10:00', channel: 'web' }).expect(202);
      expect(upstream.received.at(-1)).toMatchObject({ method: 'POST', url: '/api/public/reports' });
    });

    it('answers 502 naming the service when it is down', async () => {
      const response = await request(app.getHttpServer()).get('/api/cases?status=registered').expect(502);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.detail).toContain('rectification');
    });

    it('forwards method, path, query, Authorization and body, and streams the answer back', async () => {
      const response = await request(app.getHttpServer())
        .put('/api/units/unit-a/channels?dryRun=1')
        .set('Authorization', 'Bearer some.jwt.token')
        .send({ webhookUrl: 'https://example.org/hook' })
        .expect(202);

      const forwarded = upstream.received.at(-1)!;
      expect(forwarded).toMatchObject({ method: 'PUT', url: '/api/units/unit-a/channels?dryRun=1' });
      expect(forwarded.headers.authorization).toBe('Bearer some.jwt.token');
      expect(JSON.parse(forwarded.body)).toEqual({ webhookUrl: 'https://example.org/hook' });
      expect(forwarded.headers['x-request-id']).toBe(response.headers['x-request-id']);
      expect(response.headers['x-upstream']).toBe('notifications');
      expect(response.body).toEqual({ stored: true });
    });

    it('keeps the caller\'s request id', async () => {
      await request(app.getHttpServer()).get('/api/notices?unread=true').set('X-Request-Id', 'trace-42').expect(202);

      expect(upstream.received.at(-1)!.headers['x-request-id']).toBe('trace-42');
    });

    it('leaves GET /api/units to the gateway itself', async () => {
      const before = upstream.received.length;

      await request(app.getHttpServer()).get('/api/units').expect(401);

      expect(upstream.received).toHaveLength(before);
    });
  });
});
