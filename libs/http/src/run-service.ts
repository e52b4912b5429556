import type { Type } from '@nestjs/common';
import { InvalidEnvironmentError, loadConfig, type ServiceEnv } from '@rectify/config';
import { bootstrapService, type ServiceOptions } from './bootstrap-service';

/**
 * A service's whole main(): validate the environment first (a bad one stops the process with
 * one readable list, no stack), then boot and listen.
 */
export function runService<E extends ServiceEnv>(
  appModule: Type<unknown>,
  envClass: new () => E,
  options: Omit<ServiceOptions, 'port' | 'logLevel'>,
): void {
  const start = async () => {
    const env = loadConfig(envClass);
    await bootstrapService(appModule, { ...options, port: env.PORT, logLevel: env.LOG_LEVEL });
  };
  start().catch((error: unknown) => {
    console.error(error instanceof InvalidEnvironmentError ? error.message : error);
    process.exit(1);
  });
}
