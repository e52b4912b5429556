import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ensureRequestId, problemType, setMetricsRoute, statusTitle, writeProblem } from '@rectify/http';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { GatewayEnv } from '../gateway.env';
import { requestHeadersFor, withoutHopByHop } from './forwarded-headers';
import { findRoute, type UpstreamRoute, upstreamRoutes } from './upstream-routes';

class UpstreamTimeoutError extends Error {}

/**
 * Streams /api requests owned by other services to them, untouched: no body parsing, the
 * Authorization header passed on (each service verifies the token itself).
 */
@Injectable()
export class ApiProxy implements OnApplicationShutdown {
  private readonly logger = new Logger(ApiProxy.name);
  private readonly routes: UpstreamRoute[];
  private readonly timeoutMs: number;
  private readonly agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

  constructor(env: GatewayEnv) {
    this.routes = upstreamRoutes(env);
    this.timeoutMs = env.PROXY_TIMEOUT_MS;
  }

  /** Express middleware; requests for the gateway's own routes go on to `next`. */
  middleware() {
    return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
      const pathname = (request.url ?? '/').split('?')[0];
      const route = findRoute(this.routes, request.method ?? 'GET', pathname);
      if (!route) return next();
      setMetricsRoute(response, route.label);
      this.forward(request, response, route);
    };
  }

  private forward(request: IncomingMessage, response: ServerResponse, route: UpstreamRoute): void {
    ensureRequestId(request, response);
    const { target } = route;
    const transport = target.protocol === 'https:' ? https : http;
    const upstream = transport.request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: request.method,
        path: `${target.pathname.replace(/\/$/, '')}${request.url}`,
        headers: requestHeadersFor(request, target),
        agent: this.agents[target.protocol as 'http:' | 'https:'],
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
        answer.pipe(response);
        answer.once('error', () => response.destroy());
      },
    );

    upstream.setTimeout(this.timeoutMs, () => upstream.destroy(new UpstreamTimeoutError()));
    upstream.once('error', (error) => this.fail(request, response, route, error));
    // The client gave up: stop the work upstream rather than finish it for no one.
    response.once('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.once('error', () => upstream.destroy());
    request.pipe(upstream);
  }

  private fail(request: IncomingMessage, response: ServerResponse, route: UpstreamRoute, error: Error): void {
    if (response.destroyed) return; // the client left first; nobody to tell
    const timedOut = error instanceof UpstreamTimeoutError;
    const status = timedOut ? 504 : 502;
    this.logger.warn(`${request.method} ${request.url} → ${route.service}: ${timedOut ? 'timed out' : error.message}`);
    writeProblem(response, {
      type: problemType(timedOut ? 'upstream-timeout' : 'upstream-unavailable'),
      title: statusTitle(status),
      status,
      detail: timedOut
        ? `the ${route.service} service did not answer in time`
        : `the ${route.service} service is unavailable`,
      instance: (request.url ?? '/').split('?')[0],
      code: timedOut ? 'GATEWAY.UPSTREAM_TIMEOUT' : 'GATEWAY.UPSTREAM_UNAVAILABLE',
    });
  }

  onApplicationShutdown(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }
}
