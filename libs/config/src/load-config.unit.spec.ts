import { InvalidEnvironmentError } from './invalid-environment.error';
import { loadConfig } from './load-config';
import { ServiceEnv } from './service-env';

const secret = 'a-secret-of-32-characters-length';

describe('loadConfig', () => {
  it('applies the defaults and converts numbers', () => {
    const env = loadConfig(ServiceEnv, { JWT_SECRET: secret, PORT: '8081' });

    expect(env.PORT).toBe(8081);
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/postgres');
    expect(env.DATABASE_NAME_PREFIX).toBe('rectify');
    expect(env.KAFKA_TOPIC_PREFIX).toBe('');
    expect(env.JWT_TTL_SECONDS).toBe(3600);
  });

  it('lists every bad variable in one error, without echoing values', () => {
    let error: unknown;
    try {
      loadConfig(ServiceEnv, { JWT_SECRET: 'short-secret', PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    const problems = (error as InvalidEnvironmentError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(['JWT_SECRET', 'LOG_LEVEL', 'PORT']);
    expect((error as Error).message).not.toContain('short-secret');
  });

  it('says a required variable is not set', () => {
    expect(() => loadConfig(ServiceEnv, {})).toThrow(/JWT_SECRET: is not set/);
  });

  it('copies only the declared variables', () => {
    const env = loadConfig(ServiceEnv, { JWT_SECRET: secret, AWS_SECRET_ACCESS_KEY: 'x' });

    expect(env).not.toHaveProperty('AWS_SECRET_ACCESS_KEY');
  });
});
