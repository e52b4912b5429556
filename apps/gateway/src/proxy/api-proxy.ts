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
    const limit = route.maxBodyBytes;
    if (limit !== undefined && Number(request.headers['content-length'] ?? 0) > limit) return this.tooLarge(request, response, limit);
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
    if (limit === undefined) {
      request.pipe(upstream);
      return;
    }
    // A chunked body has no length up front: count it on the way through.
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        request.unpipe(upstream);
        upstream.destroy();
        if (!response.headersSent) this.tooLarge(request, response, limit);
      }
    });
    request.pipe(upstream);
  }

  private tooLarge(request: IncomingMessage, response: ServerResponse, limit: number): void {
    writeProblem(response, {
      type: problemType('payload-too-large'),
      title: statusTitle(413),
      status: 413,
      detail: `the request body exceeds ${limit} bytes`,
      instance: (request.url ?? '/').split('?')[0],
      code: 'GATEWAY.PAYLOAD_TOO_LARGE',
    });
    request.resume();
  }

  private fail(request: IncomingMessage, response: ServerResponse, route: UpstreamRoute, error: Error): void {
    // The client left first, or the answer (e.g. 413) is already out: nobody to tell.
    if (response.destroyed || response.headersSent) return;
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
