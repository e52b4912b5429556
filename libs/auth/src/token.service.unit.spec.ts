import type { ServiceEnv } from '@rectify/config';
import type { AuthUser } from './auth-user';
import { TokenRejectedError } from './token-rejected.error';
import { TokenService } from './token.service';

const env = { JWT_SECRET: 'unit-test-secret-0123456789', JWT_TTL_SECONDS: 60 } as ServiceEnv;
const inspector: AuthUser = { id: 'u-1', username: 'inspector', role: 'inspector', unitId: null };

describe('TokenService', () => {
  afterEach(() => jest.useRealTimers());

  it('refuses a token it verified before once the token has expired', () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T08:00:00.000Z') });
    const tokens = new TokenService(env);
    const token = tokens.sign(inspector);
    expect(tokens.verify(token)).toEqual(inspector);

    jest.setSystemTime(new Date('2026-03-01T08:00:59.999Z'));
    expect(tokens.verify(token)).toEqual(inspector);
    jest.setSystemTime(new Date('2026-03-01T08:01:00.000Z'));
    expect(() => tokens.verify(token)).toThrow(new TokenRejectedError('expired'));
  });

  it('refuses a token altered after the genuine one was verified', () => {
    const tokens = new TokenService(env);
    const token = tokens.sign(inspector);
    tokens.verify(token);
    const [header, claims, signature] = token.split('.');
    const admin = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), role: 'admin' })).toString('base64url');

    expect(() => tokens.verify(`${header}.${admin}.${signature}`)).toThrow(new TokenRejectedError('invalid'));
  });

  it('hands out a user that a request cannot change for the next one', () => {
    const tokens = new TokenService(env);
    const token = tokens.sign(inspector);
    tokens.verify(token);

    expect(() => Object.assign(tokens.verify(token), { role: 'admin' })).toThrow(TypeError);
    expect(tokens.verify(token).role).toBe('inspector');
  });
});
