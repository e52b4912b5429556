import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TokenService } from '@rectify/auth';
import { createHttpApp } from '@rectify/http';
import { dropTestDatabase } from '@rectify/test-kit';
import request from 'supertest';
import { AppModule } from '../app.module';
import { mountApiProxy } from '../proxy/mount-api-proxy';

jest.setTimeout(60_000);

const PREFIX = 'rectify_test_gw_analytics';

/** Accepts connections and never answers: a service that hangs. */
async function startSilentServer(): Promise<{ server: Server; url: string; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets };
}

/** The overview when the services are not there; the merged answer itself is tested end to end. */
describe('GET /api/analytics/overview without its services (real PostgreSQL and Kafka)', () => {
  let app: NestExpressApplication;
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let analyst: string;

  beforeAll(async () => {
    silent = await startSilentServer();
    Object.assign(process.env, {
      JWT_SECRET: 'gateway-analytics-int-test-secret-0123456789',
      DATABASE_NAME_PREFIX: PREFIX,
      KAFKA_TOPIC_PREFIX: `test-gw-analytics-${randomUUID().slice(0, 8)}.`,
      DEMO_DATA: 'false',
      // Nothing listens on port 1: rectification and evaluations are down; inspections hangs.
      RECTIFICATION_URL: 'http://127.0.0.1:1',
      INSPECTIONS_URL: silent.url,
      EVALUATIONS_URL: 'http://127.0.0.1:1',
      PROXY_TIMEOUT_MS: '300',
    });
    await dropTestDatabase(`${PREFIX}_gateway`);
    app = await createHttpApp(AppModule, { name: 'gateway', beforeBodyParser: mountApiProxy, logLevel: 'error' });
    await app.init();
    analyst = `Bearer ${app.get(TokenService).sign({ id: randomUUID(), username: 'analyst', role: 'analyst', unitId: null })}`;
  });

  afterAll(async () => {
    await app?.close();
    for (const socket of silent?.sockets ?? []) socket.destroy();
    await new Promise((resolve) => silent?.server.close(resolve));
  });

  const overview = (query = '', auth: string | null = analyst) => {
    const req = request(app.getHttpServer()).get(`/api/analytics/overview${query}`);
    return auth ? req.set('authorization', auth) : req;
  };

  it('answers 502 problem+json naming every service that did not answer, the hanging one included', async () => {
    const res = await overview().expect(502);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 502, code: 'GATEWAY.UPSTREAM_UNAVAILABLE', instance: '/api/analytics/overview' });
    expect(res.body.detail).toBe('the rectification, inspections and evaluations services are unavailable');
  });

  it('refuses a bad window with a 400 naming the field', async () => {
    const reversed = await overview('?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z').expect(400);
    expect(reversed.body.errors).toEqual([{ field: 'from', message: expect.any(String) }]);
    const garbage = await overview('?to=soon').expect(400);
    expect(garbage.body.errors.map((e: { field: string }) => e.field)).toEqual(['to']);
  });

  it('requires a signed-in caller', async () => {
    await overview('', null).expect(401);
  });
});
