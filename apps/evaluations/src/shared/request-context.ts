import { randomUUID } from 'node:crypto';
import { type AuthUser, toActor } from '@rectify/auth';
import type { CommandContext } from './command-context';

/** The context of a logged-in user's command: the verified user and the request id. */
export function requestContext(user: AuthUser, requestId: string | undefined): CommandContext {
  return { actor: toActor(user), correlationId: requestId ?? randomUUID(), causationId: null };
}

/** `If-Match: "3"` → 3; absent → undefined; anything else is not a version we issued. */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return match ? Number(match[1]) : -1;
}
