import type { ExecutionContext } from '@nestjs/common';
import type { EvaluationsEnv } from '../evaluations.env';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

function contextFrom(forwardedFor: string, remoteAddress = '127.0.0.1') {
  const headers: Record<string, string> = {};
  const response = { header: (name: string, value: string) => (headers[name] = value) };
  const request = { headers: { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress } };
  const context = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ExecutionContext;
  return { context, headers };
}

describe('PublicRateLimitGuard', () => {
  const guard = () => new PublicRateLimitGuard({ PUBLIC_RATE_LIMIT_BURST: 2, PUBLIC_RATE_LIMIT_PER_MINUTE: 1 } as EvaluationsEnv);

  it('answers 429 with Retry-After once an address has used its burst', () => {
    const limited = guard();
    expect(limited.canActivate(contextFrom('203.0.113.7').context)).toBe(true);
    expect(limited.canActivate(contextFrom('203.0.113.7').context)).toBe(true);
    const { context, headers } = contextFrom('203.0.113.7');
    expect(() => limited.canActivate(context)).toThrow(expect.objectContaining({ httpStatus: 429, code: 'PUBLIC.TOO_MANY_REQUESTS' }));
    expect(Number(headers['Retry-After'])).toBeGreaterThan(0);
  });

  it('limits by the address the gateway appended, not by what the client put in front of it', () => {
    const limited = guard();
    limited.canActivate(contextFrom('1.1.1.1, 203.0.113.8').context);
    limited.canActivate(contextFrom('2.2.2.2, 203.0.113.8').context);
    expect(() => limited.canActivate(contextFrom('3.3.3.3, 203.0.113.8').context)).toThrow(expect.objectContaining({ httpStatus: 429 }));
    expect(limited.canActivate(contextFrom('203.0.113.9').context)).toBe(true);
  });
});
