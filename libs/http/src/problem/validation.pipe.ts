import { ValidationPipe } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import * as classValidator from 'class-validator';
import { InvalidRequestException } from './invalid-request.exception';

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => InvalidRequestException.fromValidationErrors(errors),
    // The same instances our DTOs registered their decorators with, not a second import.
    validatorPackage: classValidator,
    transformerPackage: classTransformer,
  });
}
