import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { InvalidEnvironmentError } from './invalid-environment.error';

export type EnvSource = Record<string, string | undefined>;

/**
 * Validates the environment against a class whose properties are the variables, decorated
 * with class-validator (and initialised with their defaults). Only declared variables are
 * copied, so the result never carries the rest of process.env (secrets of other tools).
 * Values are never echoed in the error: they may be secrets.
 */
export function loadConfig<T extends object>(EnvClass: new () => T, source: EnvSource = process.env): T {
  const declared = declaredVariables(EnvClass);
  const picked: Record<string, string> = {};
  for (const name of declared) {
    const value = source[name];
    if (value !== undefined) picked[name] = value;
  }

  const config = plainToInstance(EnvClass, picked, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new InvalidEnvironmentError(
      errors.map((e) => ({ variable: e.property, messages: describe(e, picked) })),
    );
  }
  return config;
}

function declaredVariables(EnvClass: Function): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(EnvClass, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

function describe(error: ValidationError, given: Record<string, string>): string[] {
  const messages = Object.values(error.constraints ?? {});
  return error.property in given ? messages : ['is not set', ...messages];
}
