// class-transformer's @Type reads design-time metadata, so the polyfill must load first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumberString,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/**
 * The integration-event envelope (DESIGN §4): what every `<service>.events` message carries
 * as its JSON value. Dates travel as ISO-8601 strings.
 */
export class EnvelopeActor {
  @IsString()
  @IsNotEmpty()
  id: string;

  @IsString()
  @IsNotEmpty()
  role: string;

  @IsOptional()
  @IsString()
  unitId?: string | null;
}

export class IntegrationEnvelope<TData = unknown> {
  @IsUUID()
  eventId: string;

  @IsString()
  @IsNotEmpty()
  type: string;

  @IsInt()
  @Min(1)
  schemaVersion: number;

  @IsString()
  @IsNotEmpty()
  streamId: string;

  @IsInt()
  @Min(1)
  streamVersion: number;

  /** Position in the owning service's log, a decimal string (bigint). */
  @IsNumberString({ no_symbols: true })
  position: string;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @IsISO8601({ strict: true })
  recordedAt: string;

  @IsString()
  @IsNotEmpty()
  correlationId: string;

  /** Required, but null for an event no other message caused. */
  @ValidateIf((envelope: IntegrationEnvelope) => envelope.causationId !== null)
  @IsString()
  @IsNotEmpty()
  causationId: string | null;

  @IsObject()
  @ValidateNested()
  @Type(() => EnvelopeActor)
  actor: EnvelopeActor;

  @IsDefined()
  @IsObject()
  data: TData;
}

/** The shape of an event read back from a service's log (structural: no service code here). */
export interface RecordedEventLike {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: {
    correlationId: string;
    causationId: string | null;
    actor: { id: string; role: string; unitId?: string | null };
  };
  occurredAt: Date;
  streamId: string;
  streamVersion: number;
  position: string;
  recordedAt: Date;
}

export function toEnvelope(recorded: RecordedEventLike): IntegrationEnvelope {
  const { actor, correlationId, causationId } = recorded.metadata;
  return {
    eventId: recorded.eventId,
    type: recorded.type,
    schemaVersion: recorded.schemaVersion,
    streamId: recorded.streamId,
    streamVersion: recorded.streamVersion,
    position: recorded.position,
    occurredAt: recorded.occurredAt.toISOString(),
    recordedAt: recorded.recordedAt.toISOString(),
    correlationId,
    causationId: causationId ?? null,
    actor: { id: actor.id, role: actor.role, unitId: actor.unitId ?? null },
    data: recorded.data,
  };
}
