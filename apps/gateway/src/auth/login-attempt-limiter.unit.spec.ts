import { LoginAttemptLimiter, MAX_FAILURES, WINDOW_MS } from './login-attempt-limiter';

describe('LoginAttemptLimiter', () => {
  const t0 = 1_000_000;

  function failTimes(limiter: LoginAttemptLimiter, key: string, times: number, at = t0) {
    for (let i = 0; i < times; i += 1) limiter.recordFailure(key, at);
  }

  it('allows attempts up to the tenth failure', () => {
    const limiter = new LoginAttemptLimiter();
    failTimes(limiter, 'admin|1.2.3.4', MAX_FAILURES - 1);

    expect(limiter.retryAfterSeconds('admin|1.2.3.4', t0)).toBe(0);
  });

  it('blocks after ten failures until the oldest leaves the window', () => {
    const limiter = new LoginAttemptLimiter();
    failTimes(limiter, 'admin|1.2.3.4', MAX_FAILURES);

    expect(limiter.retryAfterSeconds('admin|1.2.3.4', t0 + 1000)).toBe(WINDOW_MS / 1000 - 1);
    expect(limiter.retryAfterSeconds('admin|1.2.3.4', t0 + WINDOW_MS)).toBe(0);
  });

  it('counts each username and address apart', () => {
    const limiter = new LoginAttemptLimiter();
    failTimes(limiter, 'admin|1.2.3.4', MAX_FAILURES);

    expect(limiter.retryAfterSeconds('admin|5.6.7.8', t0)).toBe(0);
    expect(limiter.retryAfterSeconds('inspector|1.2.3.4', t0)).toBe(0);
  });

  it('forgets the failures after a successful login', () => {
    const limiter = new LoginAttemptLimiter();
    failTimes(limiter, 'admin|1.2.3.4', MAX_FAILURES - 1);
    limiter.reset('admin|1.2.3.4');
    failTimes(limiter, 'admin|1.2.3.4', 1);

    expect(limiter.retryAfterSeconds('admin|1.2.3.4', t0)).toBe(0);
  });
});
