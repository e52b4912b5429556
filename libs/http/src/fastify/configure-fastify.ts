import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { HttpMetrics } from '../middleware/http-metrics';
import { ensureRequestId } from '../middleware/request-id';

/**
 * The Fastify side of configureHttpApp: request ids and metrics as hooks (no Express-style
 * middleware engine per request), GET /metrics, and a JSON body parser that answers like the
 * Express one (ADR 010).
 */
export function configureFastify(app: NestFastifyApplication, metrics: HttpMetrics, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook('onRequest', (request, reply, done) => {
    ensureRequestId(request.raw, reply.raw);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observe(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  fastify.get('/metrics', async (_request, reply) => {
    reply.header('Content-Type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  // JSON only, as on Express: any other body type is refused (415) instead of reaching a DTO as text.
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    // An empty JSON body is no body, as for Express's parser: a command without fields.
    // (`parseAs: 'string'`: the body is a string.)
    if (body === '') done(null, undefined);
    else parseJson(request, body as string, done);
  });
}
