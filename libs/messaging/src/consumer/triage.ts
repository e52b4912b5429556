import type { IntegrationEnvelope } from '@rectify/contracts';
import type { IncomingMessage } from '../kafka/kafka.ports';
import type { DeadLetterReason } from './dead-letter';
import { parseData, parseEnvelope } from './envelope-parser';
import type { EventHandlerRegistry, HandlerRegistration } from './handler-registry';

export type Triage =
  | { kind: 'ignore' }
  | { kind: 'dead-letter'; reason: DeadLetterReason; error: string }
  | { kind: 'apply'; registration: HandlerRegistration; envelope: IntegrationEnvelope };

/**
 * What becomes of a message, decided before any database work. Most of a topic's types are of
 * no use to a given consumer (notifications reads every case event, acts on a few), so a type
 * the relay's `type` header names and nobody here handles is skipped without parsing the value.
 * Unknown types are acknowledged without a processed_messages row: there is no effect to
 * dedupe, and no row means a handler added later still applies the event on a replay.
 */
export function triage(message: IncomingMessage, registry: EventHandlerRegistry): Triage {
  const announced = message.headers.type;
  if (announced !== undefined && !registry.find(message.topic, announced)) return { kind: 'ignore' };
  const envelope = parseEnvelope(message.value);
  if (!envelope.ok) return { kind: 'dead-letter', reason: 'invalid-envelope', error: envelope.error };
  // The envelope, not the header, says what the event is.
  const registration = registry.find(message.topic, envelope.value.type);
  if (!registration) return { kind: 'ignore' };
  if (!registration.dataClass) return wanted(registration, envelope.value);
  const data = parseData(registration.dataClass, envelope.value.data);
  if (!data.ok) return { kind: 'dead-letter', reason: 'invalid-data', error: data.error };
  return wanted(registration, Object.assign(envelope.value, { data: data.value }));
}

function wanted(registration: HandlerRegistration, envelope: IntegrationEnvelope): Triage {
  if (registration.when && !registration.when(envelope.data)) return { kind: 'ignore' };
  return { kind: 'apply', registration, envelope };
}
