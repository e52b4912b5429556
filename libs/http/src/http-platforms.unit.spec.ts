import { Body, Controller, Get, HttpCode, Module, Param, Post, Res } from '@nestjs/common';
import { IsInt, IsString, Min, MinLength } from 'class-validator';
import request from 'supertest';
import { AuthModule, Public, TokenService } from '@rectify/auth';
import { EnvModule, ServiceEnv } from '@rectify/config';
import { createHttpApp } from './bootstrap-service';
import type { HttpPlatform } from './configure-http-app';
import type { PassthroughResponse } from './passthrough-response';

class CreateThingDto {
  @IsString() @MinLength(1) name!: string;
  @IsInt() @Min(1) count!: number;
}

@Controller('things')
class ThingsController {
  @Post()
  @HttpCode(201)
  create(@Body() dto: CreateThingDto) {
    return { id: 't-1', name: dto.name };
  }

  @Public()
  @Get(':id')
  get(@Param('id') id: string, @Res({ passthrough: true }) res: PassthroughResponse) {
    res.header('ETag', '"3"');
    return { id };
  }
}

@Module({ imports: [EnvModule.forRoot(ServiceEnv), AuthModule], controllers: [ThingsController] })
class ThingsModule {}

/** The same answers whichever platform a service runs on (ADR 010). */
describe.each<HttpPlatform>(['express', 'fastify'])('an HTTP app on %s', (platform) => {
  let server: Parameters<typeof request>[0];
  let close: () => Promise<void>;
  let bearer: string;

  beforeAll(async () => {
    process.env.JWT_SECRET = 'http-platforms-secret-0123456789';
    const app = await createHttpApp(ThingsModule, { name: 'things', platform, logLevel: 'fatal' });
    await app.init();
    server = app.getHttpServer();
    close = () => app.close();
    bearer = `Bearer ${app.get(TokenService).sign({ id: 'u-1', username: 'inspector', role: 'inspector', unitId: null })}`;
  });
  afterAll(() => close());

  const post = (body: string, contentType = 'application/json') =>
    request(server).post('/things').set('authorization', bearer).set('content-type', contentType).send(body);

  it('answers a valid command with the status of the route, its request id and the security headers', async () => {
    const res = await post(JSON.stringify({ name: 'a', count: 1 })).set('x-request-id', 'req-42').expect(201);

    expect(res.body).toEqual({ id: 't-1', name: 'a' });
    expect(res.headers['x-request-id']).toBe('req-42');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('names every invalid and every unknown field in a 400 problem', async () => {
    const res = await post(JSON.stringify({ name: '', count: 0, extra: true })).expect(400);

    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['count', 'extra', 'name']);
  });

  it('takes an empty JSON body for no fields, not for malformed JSON', async () => {
    const res = await post('').expect(400);

    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['count', 'name']);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await post('{"name": ').expect(400);

    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, instance: '/things' });
  });

  it('refuses a body over 100 kB with a 413 problem', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(110 * 1024), count: 1 })).expect(413);

    expect(res.body.status).toBe(413);
  });

  it('answers a request without a token 401 with a Bearer challenge', async () => {
    const res = await request(server).post('/things').send({ name: 'a', count: 1 }).expect(401);

    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('lets a controller set a header through the passthrough response', async () => {
    const res = await request(server).get('/things/t-1').expect(200);

    expect(res.headers.etag).toBe('"3"');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await request(server).get('/nowhere').expect(404);

    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('labels metrics by route pattern, unknown paths as unmatched', async () => {
    await request(server).get('/things/t-2').expect(200);
    await request(server).get('/nowhere/else').expect(404);

    const metrics = (await request(server).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/things\/:id"[^}]*status_code="200"/);
    expect(metrics).toMatch(/http_request_duration_seconds_count\{[^}]*route="unmatched"[^}]*status_code="404"/);
  });

  it('serves the OpenAPI document and the Swagger UI with its assets', async () => {
    const document = await request(server).get('/docs-json').expect(200);
    expect(Object.keys(JSON.parse(document.text).paths)).toContain('/things');

    const page = await request(server).get('/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const scripts = [...page.text.matchAll(/<script src="([^"]+)"/g)].map((match) => new URL(match[1], 'http://service/docs').pathname);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) await request(server).get(script).expect(200);
  });
});
