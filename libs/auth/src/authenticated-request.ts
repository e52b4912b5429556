import type { IncomingHttpHeaders } from 'node:http';
import type { AuthUser } from './auth-user';

/** The part of an HTTP request the guard reads and writes. */
export interface AuthenticatedRequest {
  headers: IncomingHttpHeaders;
  user?: AuthUser;
}
