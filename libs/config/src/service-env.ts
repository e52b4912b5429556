// @Type and implicit conversion read design-time types, also outside a Nest app (scripts, tests).
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUrl, Max, MinLength, Min } from 'class-validator';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export const RELAY_THREADS = ['worker', 'inline'] as const;
export type RelayThreadName = (typeof RELAY_THREADS)[number];

/**
 * What every service reads from its environment. A service extends it with its own
 * variables and overrides PORT's default.
 */
export class ServiceEnv {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/postgres';

  /** Each service's database is `<prefix>_<service>`; tests use a prefix containing "test". */
  @IsString()
  DATABASE_NAME_PREFIX: string = 'rectify';

  /** Comma-separated host:port list. */
  @IsString()
  @MinLength(1)
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  /** Lets parallel test runs share one broker without sharing topics. */
  @IsString()
  KAFKA_TOPIC_PREFIX: string = '';

  @IsString()
  @MinLength(16)
  JWT_SECRET!: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS: number = 3600;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'log';

  /** Where the relay runs: its own worker thread where the process can load one, or the main thread (ADR 013). */
  @IsIn(RELAY_THREADS)
  RELAY_THREAD: RelayThreadName = 'worker';
}
