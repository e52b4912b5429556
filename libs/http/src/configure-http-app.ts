import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { setupOpenApi } from './openapi';
import { HttpMetrics } from './middleware/http-metrics';
import { requestIdMiddleware } from './middleware/request-id';
import { applySecurityHeaders } from './middleware/security-headers';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { createValidationPipe } from './problem/validation.pipe';

export const JSON_BODY_LIMIT = '100kb';

export interface HttpAppOptions {
  /** Service name: metrics label, OpenAPI title. */
  name: string;
  /**
   * Express middleware that must see the raw, unparsed request (the gateway's streaming
   * proxy). Runs after security headers, request id and metrics, before the body parser.
   */
  beforeBodyParser?: (app: INestApplication) => void;
}

/**
 * Everything a service's HTTP app needs besides its modules. The app must have been
 * created with `bodyParser: false` (see createHttpApp) so the order below holds.
 * Call before `init()`/`listen()`; int tests call it on their in-process app too.
 */
export function configureHttpApp(app: NestExpressApplication, options: HttpAppOptions): void {
  applySecurityHeaders(app);
  const metrics = new HttpMetrics(options.name);
  app.use(requestIdMiddleware());
  app.use(metrics.middleware());
  (app.getHttpAdapter().getInstance() as import('express').Express).get('/metrics', metrics.handler());

  options.beforeBodyParser?.(app);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  setupOpenApi(app, options.name);
}
