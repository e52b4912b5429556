import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { JwtService } from '@nestjs/jwt';
import type { ServiceEnv } from '@rectify/config';
import type { AuthUser } from './auth-user';
import { JwtAuthGuard } from './jwt-auth.guard';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';
import { TokenService } from './token.service';

const SECRET = 'unit-test-secret-0123456789';
const env = { JWT_SECRET: SECRET, JWT_TTL_SECONDS: 3600 } as ServiceEnv;
const inspector: AuthUser = { id: 'u-1', username: 'inspector', role: 'inspector', unitId: null };

class CasesController {
  list() {}
  @Roles('admin')
  deleteEverything() {}
  @Public()
  publicReport() {}
}

function contextFor(handler: keyof CasesController, authorization?: string) {
  const request = { headers: authorization ? { authorization } : {} } as { headers: object; user?: AuthUser };
  const response = { headers: {} as Record<string, string>, header(n: string, v: string) { this.headers[n] = v; } };
  const context = new ExecutionContextHost([request, response], CasesController, CasesController.prototype[handler]);
  context.setType('http');
  return { context, request, response };
}

describe('JwtAuthGuard', () => {
  const tokens = new TokenService(env);
  const guard = new JwtAuthGuard(new Reflector(), tokens);

  it('lets a valid token through and exposes the user on the request', () => {
    const { context, request } = contextFor('list', `Bearer ${tokens.sign(inspector)}`);

    expect(guard.canActivate(context)).toBe(true);
    expect(request.user).toEqual(inspector);
  });

  it('rejects a request without a token with 401 and a Bearer challenge', () => {
    const { context, response } = contextFor('list');

    expect(() => guard.canActivate(context)).toThrow(UnauthorizedException);
    expect(response.headers['WWW-Authenticate']).toBe('Bearer');
  });

  it('rejects a tampered token with 401', () => {
    const [header, , signature] = tokens.sign(inspector).split('.');
    const forged = Buffer.from(JSON.stringify({ ...inspector, sub: 'u-1', role: 'admin', iss: 'rectify' })).toString('base64url');
    const { context } = contextFor('list', `Bearer ${header}.${forged}.${signature}`);

    expect(() => guard.canActivate(context)).toThrow(UnauthorizedException);
  });

  it('rejects a token signed with another secret with 401', () => {
    const other = new TokenService({ ...env, JWT_SECRET: 'another-secret-0123456789' } as ServiceEnv);
    const { context } = contextFor('list', `Bearer ${other.sign(inspector)}`);

    expect(() => guard.canActivate(context)).toThrow(UnauthorizedException);
  });

  it('rejects an expired token with 401', () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = new JwtService({ secret: SECRET }).sign({
      sub: 'u-1', username: 'inspector', role: 'inspector', unitId: null, iss: 'rectify', iat: past - 3600, exp: past,
    });
    const { context } = contextFor('list', `Bearer ${expired}`);

    expect(() => guard.canActivate(context)).toThrow(/expired/);
  });

  it('rejects an unsigned ("alg: none") token with 401', () => {
    const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'u-1', username: 'x', role: 'admin', unitId: null, iss: 'rectify' })}.`;
    const { context } = contextFor('list', `Bearer ${unsigned}`);

    expect(() => guard.canActivate(context)).toThrow(UnauthorizedException);
  });

  it('answers 403 when the role is not one the route requires', () => {
    const { context } = contextFor('deleteEverything', `Bearer ${tokens.sign(inspector)}`);

    expect(() => guard.canActivate(context)).toThrow(ForbiddenException);
  });

  it('lets the required role through', () => {
    const admin: AuthUser = { ...inspector, role: 'admin' };
    const { context } = contextFor('deleteEverything', `Bearer ${tokens.sign(admin)}`);

    expect(guard.canActivate(context)).toBe(true);
  });

  it('lets anyone reach a @Public() route', () => {
    const { context } = contextFor('publicReport');

    expect(guard.canActivate(context)).toBe(true);
  });

  it('ignores an identity header without a token', () => {
    const { context, request } = contextFor('list');
    (request.headers as Record<string, string>)['x-user-id'] = 'u-1';

    expect(() => guard.canActivate(context)).toThrow(UnauthorizedException);
  });
});
