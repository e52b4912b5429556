import { Injectable } from '@nestjs/common';
import { GatewayEnv } from '../gateway.env';
import { UpstreamRefusedError } from './analytics.errors';
import type { AnalyticsWindow } from '@rectify/http';

export const ANALYTICS_PARTS = {
  rectification: '/api/cases/analytics',
  inspections: '/api/inspections/analytics',
  evaluations: '/api/evaluations/analytics',
} as const;
export type AnalyticsService = keyof typeof ANALYTICS_PARTS;

/** Why a service gave no usable answer; the caller decides how to report several of them. */
export class UpstreamUnanswered extends Error {
  constructor(
    readonly service: AnalyticsService,
    readonly timedOut: boolean,
    reason: string,
  ) {
    super(`${service}: ${reason}`);
  }
}

interface Problem {
  code?: unknown;
  detail?: unknown;
  errors?: { field?: unknown }[];
}

/** Asks one service for its part of the overview, as the caller (its own Authorization header). */
@Injectable()
export class AnalyticsUpstreams {
  private readonly baseUrls: Record<AnalyticsService, string>;
  private readonly timeoutMs: number;

  constructor(env: GatewayEnv) {
    const base = (url: string) => url.replace(/\/$/, '');
    this.baseUrls = { rectification: base(env.RECTIFICATION_URL), inspections: base(env.INSPECTIONS_URL), evaluations: base(env.EVALUATIONS_URL) };
    this.timeoutMs = env.PROXY_TIMEOUT_MS;
  }

  async part<T>(service: AnalyticsService, window: AnalyticsWindow, headers: { authorization: string; requestId?: string }): Promise<T> {
    const query = new URLSearchParams({ from: window.from.toISOString(), to: window.to.toISOString() });
    const url = `${this.baseUrls[service]}${ANALYTICS_PARTS[service]}?${query}`;
    // One deadline for the headers and the body alike.
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: { authorization: headers.authorization, accept: 'application/json', ...(headers.requestId ? { 'x-request-id': headers.requestId } : {}) },
        signal,
      });
      text = await response.text();
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new UpstreamUnanswered(service, timedOut, timedOut ? 'timed out' : String((error as Error & { cause?: unknown }).cause ?? error));
    }
    if (response.status >= 500) throw new UpstreamUnanswered(service, false, `answered ${response.status}`);
    const body = parse(text);
    if (response.status >= 400) throw refused(service, response.status, body as Problem | undefined);
    if (response.status !== 200 || body === undefined) throw new UpstreamUnanswered(service, false, `answered ${response.status} without a JSON body`);
    return body as T;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function refused(service: string, status: number, problem: Problem | undefined): UpstreamRefusedError {
  const code = typeof problem?.code === 'string' ? problem.code : 'GATEWAY.UPSTREAM_REFUSED';
  const detail = typeof problem?.detail === 'string' ? problem.detail : `the ${service} service refused the request`;
  const field = problem?.errors?.length === 1 && typeof problem.errors[0].field === 'string' ? problem.errors[0].field : undefined;
  return new UpstreamRefusedError(service, status, code, detail, field);
}
