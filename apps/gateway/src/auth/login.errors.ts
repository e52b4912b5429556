/** Same answer for an unknown user and a wrong password, so usernames cannot be probed. */
export class InvalidCredentialsError extends Error {
  readonly code = 'AUTH.INVALID_CREDENTIALS';
  readonly httpStatus = 401;

  constructor() {
    super('unknown username or wrong password');
    this.name = 'InvalidCredentialsError';
  }
}

export class TooManyLoginAttemptsError extends Error {
  readonly code = 'AUTH.TOO_MANY_ATTEMPTS';
  readonly httpStatus = 429;

  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed logins; try again in ${retryAfterSeconds} s`);
    this.name = 'TooManyLoginAttemptsError';
  }
}
