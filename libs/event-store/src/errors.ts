/**
 * The stream was not at the version the command expected. Nothing was written.
 * The HTTP edge maps this to 409 (see libs/http).
 */
export class ConcurrencyError extends Error {
  readonly code = 'EVENT_STORE.CONCURRENCY';

  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | 'any',
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId} is at version ${actualVersion}, expected ${expectedVersion}`);
    this.name = 'ConcurrencyError';
  }
}
