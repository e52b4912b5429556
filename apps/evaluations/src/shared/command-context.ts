import { randomUUID } from 'node:crypto';
import type { Actor } from '@rectify/event-store';

/** Who asked and why: travels as the metadata of every event a command appends. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
}

/** The public has no login: its commands are recorded under one anonymous actor. */
export const PUBLIC_ACTOR: Actor = { id: 'public', role: 'public', unitId: null };
export const SYSTEM_ACTOR: Actor = { id: 'system:evaluations', role: 'system', unitId: null };

/**
 * A public command's context: a fresh correlation id, never the request's X-Request-Id, which
 * the client chooses and which would tie the published event to access logs with addresses.
 */
export function publicContext(): CommandContext {
  return { actor: PUBLIC_ACTOR, correlationId: randomUUID(), causationId: null };
}
