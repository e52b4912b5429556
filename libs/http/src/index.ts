export { bootstrapService, createHttpApp, type ServiceOptions } from './bootstrap-service';
export { configureHttpApp, JSON_BODY_LIMIT, JSON_BODY_LIMIT_BYTES, type HttpAppOptions, type HttpPlatform, platformOf } from './configure-http-app';
export { HealthModule } from './health/health.module';
export { HEALTH_CHECKS, type HealthModuleOptions } from './health/health-checks';
export { ProblemDetailsFilter } from './problem/problem-details.filter';
export { InvalidRequestException } from './problem/invalid-request.exception';
export { errorToProblem, unexpectedProblem } from './problem/error-to-problem';
export { writeProblem, type ProblemReply } from './problem/write-problem';
export { createValidationPipe } from './problem/validation.pipe';
export {
  PROBLEM_CONTENT_TYPE,
  problemType,
  statusTitle,
  type FieldError,
  type ProblemDetails,
} from './problem/problem-details';
export { ensureRequestId, requestIdMiddleware, REQUEST_ID_HEADER } from './middleware/request-id';
export { HttpMetrics, setMetricsRoute } from './middleware/http-metrics';
export { applySecurityHeaders } from './middleware/security-headers';
export { setupOpenApi } from './openapi';
export type { PassthroughResponse } from './passthrough-response';
export { runService } from './run-service';
export { PageQuery, toPage, pageSql, QueryBoolean, type Page } from './pagination';
export { AnalyticsWindowQuery, type AnalyticsWindow, DEFAULT_WINDOW_DAYS, resolveWindow } from './analytics-window';
