import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from './problem-details';

/** Thrown by the ValidationPipe; rendered as a 400 problem listing each field. */
export class InvalidRequestException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super(`${fieldErrors.length} invalid field(s): ${fieldErrors.map((e) => e.field).join(', ')}`);
  }

  static fromValidationErrors(errors: ValidationError[]): InvalidRequestException {
    return new InvalidRequestException(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], parent: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // One entry per field: every broken constraint of it, in one message.
    const messages = Object.values(error.constraints ?? {});
    const own = messages.length ? [{ field, message: messages.join('; ') }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
