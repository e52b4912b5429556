import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

interface RoutedRequest extends IncomingMessage {
  /** Set by Express when a route matched: its pattern, e.g. `/api/cases/:id`. */
  route?: { path?: string };
}

interface LabelledResponse extends ServerResponse {
  locals?: { metricsRoute?: string };
}

/** Lets a middleware that answers outside Nest's router (the gateway proxy) name its route. */
export function setMetricsRoute(response: ServerResponse, route: string): void {
  const labelled = response as LabelledResponse;
  labelled.locals = { ...labelled.locals, metricsRoute: route };
}

/** One registry per app: tests start several apps in one process. */
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly duration: Histogram<'method' | 'route' | 'status_code'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests, by route pattern',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /** Records one answered request; `route` is its pattern (`/api/cases/:id`), else undefined. */
  observe(method: string | undefined, route: string | undefined, statusCode: number, seconds: number): void {
    // Unmatched paths share one label: raw URLs would make the series count unbounded.
    this.duration.observe({ method, route: route ?? 'unmatched', status_code: String(statusCode) }, seconds);
  }

  /** Express middleware timing each request. */
  middleware() {
    return (request: RoutedRequest, response: LabelledResponse, next: () => void) => {
      const started = process.hrtime.bigint();
      response.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.observe(request.method, request.route?.path ?? response.locals?.metricsRoute, response.statusCode, seconds);
      });
      next();
    };
  }

  /** Express handler of GET /metrics. */
  handler() {
    return async (_request: unknown, response: Pick<ServerResponse, 'setHeader' | 'end'>) => {
      const body = await this.registry.metrics();
      response.setHeader('Content-Type', this.registry.contentType);
      response.end(body);
    };
  }
}
