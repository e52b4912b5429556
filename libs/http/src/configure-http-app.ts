import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureFastify } from './fastify/configure-fastify';
import { setupOpenApi } from './openapi';
import { HttpMetrics } from './middleware/http-metrics';
import { requestIdMiddleware } from './middleware/request-id';
import { applySecurityHeaders } from './middleware/security-headers';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { createValidationPipe } from './problem/validation.pipe';

export const JSON_BODY_LIMIT = '100kb';
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;

/** The gateway runs on Express (its proxy is Express middleware), the domain services on Fastify. */
export type HttpPlatform = 'express' | 'fastify';

export interface HttpAppOptions {
  /** Service name: metrics label, OpenAPI title. */
  name: string;
  /** Fastify, unless the app needs `beforeBodyParser` (Express middleware): see ADR 010. */
  platform?: HttpPlatform;
  /**
   * Express middleware that must see the raw, unparsed request (the gateway's streaming
   * proxy). Runs after security headers, request id and metrics, before the body parser.
   */
  beforeBodyParser?: (app: INestApplication) => void;
}

export function platformOf(options: HttpAppOptions): HttpPlatform {
  return options.platform ?? (options.beforeBodyParser ? 'express' : 'fastify');
}

/**
 * Everything a service's HTTP app needs besides its modules. The app must have been
 * created with `bodyParser: false` (see createHttpApp) so the order below holds.
 * Call before `init()`/`listen()`; int tests call it on their in-process app too.
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  applySecurityHeaders(app);
  const metrics = new HttpMetrics(options.name);
  const platform = platformOf(options);
  if (platform === 'fastify') {
    if (options.beforeBodyParser) throw new Error('beforeBodyParser is Express middleware: use the express platform');
    configureFastify(app as NestFastifyApplication, metrics, JSON_BODY_LIMIT_BYTES);
  } else {
    configureExpress(app as NestExpressApplication, metrics, options);
  }
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  setupOpenApi(app, options.name, platform);
}

function configureExpress(app: NestExpressApplication, metrics: HttpMetrics, options: HttpAppOptions): void {
  app.use(requestIdMiddleware());
  app.use(metrics.middleware());
  app.getHttpAdapter().getInstance().get('/metrics', metrics.handler());
  options.beforeBodyParser?.(app);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
}
