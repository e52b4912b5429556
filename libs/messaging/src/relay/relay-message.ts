import { toEnvelope } from '@rectify/contracts';
import type { RecordedEvent } from '@rectify/event-store';
import type { OutgoingMessage } from '../kafka/kafka.ports';

/** Keyed by stream so one aggregate's events share a partition and keep their order. */
export function toRelayMessage(event: RecordedEvent): OutgoingMessage {
  return {
    key: event.streamId,
    value: JSON.stringify(toEnvelope(event)),
    headers: { type: event.type, eventId: event.eventId, schemaVersion: String(event.schemaVersion) },
  };
}
