/** Services that did not answer the overview's fan-out: 502 (or 504 when they all timed out), naming them. */
export class UpstreamFailedError extends Error {
  readonly code: string;
  readonly httpStatus: number;

  constructor(readonly failures: readonly { service: string; timedOut: boolean }[]) {
    const timedOut = failures.every((f) => f.timedOut);
    const names = failures.map((f) => f.service);
    const subject = names.length === 1 ? `the ${names[0]} service` : `the ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} services`;
    super(timedOut ? `${subject} did not answer in time` : `${subject} ${names.length === 1 ? 'is' : 'are'} unavailable`);
    this.code = timedOut ? 'GATEWAY.UPSTREAM_TIMEOUT' : 'GATEWAY.UPSTREAM_UNAVAILABLE';
    this.httpStatus = timedOut ? 504 : 502;
  }
}

/** A service refused the caller (e.g. an expired token): its 4xx reaches the client as it was. */
export class UpstreamRefusedError extends Error {
  constructor(
    readonly service: string,
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
