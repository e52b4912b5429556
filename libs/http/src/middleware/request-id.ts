import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

// Accept a caller's id only if it looks like an id, so it is safe to log and forward.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Makes sure the request carries an X-Request-Id (kept if sane, else new) and echoes it. */
export function ensureRequestId(request: IncomingMessage, response?: ServerResponse): string {
  const given = request.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  request.headers[REQUEST_ID_HEADER] = id;
  if (response && !response.headersSent) response.setHeader('X-Request-Id', id);
  return id;
}

export function requestIdMiddleware() {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    ensureRequestId(request, response);
    next();
  };
}
