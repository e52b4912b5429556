import { IntegrationEnvelope, validateQuickly } from '@rectify/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { DataClass } from './handler-registry';
import { wellFormedEnvelope } from './well-formed-envelope';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * JSON + envelope shape. Unknown envelope fields are stripped, not refused, so a producer
 * that adds an envelope field does not send every consumer's messages to the DLQ.
 */
export function parseEnvelope(value: Buffer | string | null): Parsed<IntegrationEnvelope> {
  if (value === null) return { ok: false, error: 'message has no value' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString());
  } catch (error) {
    return { ok: false, error: `value is not JSON: ${(error as Error).message}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: 'value is not a JSON object' };
  }
  const wellFormed = wellFormedEnvelope(json as Record<string, unknown>);
  if (wellFormed) return { ok: true, value: wellFormed };
  const envelope = plainToInstance(IntegrationEnvelope, json);
  const errors = validateSync(envelope, { whitelist: true });
  return errors.length > 0 ? { ok: false, error: `invalid envelope: ${describeErrors(errors)}` } : { ok: true, value: envelope };
}

/** A type's payload, checked as strictly as an HTTP body: unknown fields are refused. */
export function parseData<TData>(dataClass: DataClass<TData>, data: unknown): Parsed<TData> {
  const instance = plainToInstance(dataClass, data);
  const errors = validateQuickly(instance as object, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length > 0 ? { ok: false, error: `invalid data: ${describeErrors(errors)}` } : { ok: true, value: instance };
}

/** `actor.id must be a string; eventId must be a UUID`. */
export function describeErrors(errors: ValidationError[], parent = ''): string {
  return errors
    .flatMap((error) => {
      const path = parent ? `${parent}.${error.property}` : error.property;
      const own = Object.values(error.constraints ?? {}).map((message) => message.replace(error.property, path));
      const nested = error.children?.length ? [describeErrors(error.children, path)] : [];
      return [...own, ...nested];
    })
    .join('; ');
}
