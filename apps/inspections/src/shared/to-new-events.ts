import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@rectify/event-store';
import type { CommandContext } from './command-context';

/** Domain events (type + data) → events to store, all schemaVersion 1, with the command's metadata. */
export function toNewEvents(events: ReadonlyArray<{ type: string; data: unknown }>, context: CommandContext, now: Date): NewEvent[] {
  return events.map(({ type, data }) => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: { correlationId: context.correlationId, causationId: context.causationId, actor: context.actor },
    occurredAt: now,
  }));
}
