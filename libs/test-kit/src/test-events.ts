import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@rectify/event-store';

export const testActor = { id: 'test-user', role: 'inspector', unitId: null };

/** A throwaway event with fresh ids; `occurredAt` may be driven by the test. */
export function testEvent(type = 'Tested', data: unknown = {}, occurredAt = new Date()): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: { correlationId: randomUUID(), causationId: null, actor: testActor },
    occurredAt,
  };
}
