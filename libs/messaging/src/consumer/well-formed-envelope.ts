import { EnvelopeActor, IntegrationEnvelope } from '@rectify/contracts';

// Each check is as strict as the envelope's decorators or stricter (canonical instants only,
// RFC 4122 uuids only), so whatever passes here class-validator accepts too.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const DIGITS = /^[0-9]+$/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;
/** As Date#toISOString writes it, which is what the relay sends. */
const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && value.length === 24 && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;

/**
 * The envelope of a message as the relay writes it, checked by hand: class-transformer and
 * class-validator cost more than the handler's whole transaction on a busy consumer. Anything
 * that does not pass (including what is merely unusual but valid) is left to `parseEnvelope`'s
 * class-validator path, which also words the errors. Unknown envelope fields are dropped there
 * by `whitelist`, here by copying only the known ones.
 */
export function wellFormedEnvelope(json: Json): IntegrationEnvelope | undefined {
  const { eventId, type, schemaVersion, streamId, streamVersion, position, occurredAt, recordedAt, correlationId, causationId, actor, data } = json;
  const wellFormed =
    typeof eventId === 'string' && UUID.test(eventId) &&
    isText(type) && isCount(schemaVersion) && isText(streamId) && isCount(streamVersion) &&
    typeof position === 'string' && DIGITS.test(position) &&
    isInstant(occurredAt) && isInstant(recordedAt) &&
    isText(correlationId) && (causationId === null || isText(causationId)) &&
    isObject(actor) && isText(actor.id) && isText(actor.role) && (actor.unitId === undefined || actor.unitId === null || typeof actor.unitId === 'string') &&
    isObject(data);
  if (!wellFormed) return undefined;
  const envelopeActor = Object.assign(new EnvelopeActor(), { id: actor.id, role: actor.role }, 'unitId' in actor ? { unitId: actor.unitId } : {});
  return Object.assign(new IntegrationEnvelope(), {
    eventId, type, schemaVersion, streamId, streamVersion, position, occurredAt, recordedAt, correlationId, causationId, actor: envelopeActor, data,
  });
}
