import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { PassthroughResponse } from '@rectify/http';
import { EvaluationsEnv } from '../evaluations.env';
import { TokenBuckets } from './token-bucket';

export class TooManyRequestsError extends Error {
  readonly code = 'PUBLIC.TOO_MANY_REQUESTS';
  readonly httpStatus = 429;

  constructor() {
    super('too many requests from this address; try again later');
  }
}

/**
 * Per-address limit on the public endpoints. Behind the gateway the client's address is the
 * last X-Forwarded-For entry (the one the gateway itself appended); the service port is not
 * meant to be reachable from outside.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly buckets: TokenBuckets;

  constructor(env: EvaluationsEnv) {
    this.buckets = new TokenBuckets({ burst: env.PUBLIC_RATE_LIMIT_BURST, perMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE });
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<ClientRequest>();
    const retryAfter = this.buckets.take(clientAddress(request), Date.now());
    if (retryAfter === 0) return true;
    http.getResponse<PassthroughResponse>().header('Retry-After', String(retryAfter));
    throw new TooManyRequestsError();
  }
}

/** What the guard reads of a request, on Express and on Fastify alike. */
interface ClientRequest {
  headers: IncomingHttpHeaders;
  socket: { remoteAddress?: string };
}

function clientAddress(request: ClientRequest): string {
  const forwarded = request.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded ?? '').split(',').pop()?.trim();
  return last || request.socket.remoteAddress || 'unknown';
}
