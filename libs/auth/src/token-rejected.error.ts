export type TokenRejection = 'expired' | 'invalid';

/** The bearer token could not be trusted; the guard answers 401. */
export class TokenRejectedError extends Error {
  readonly code = 'AUTH.TOKEN_REJECTED';

  constructor(readonly reason: TokenRejection) {
    super(reason === 'expired' ? 'the access token has expired' : 'the access token is not valid');
    this.name = 'TokenRejectedError';
  }
}
