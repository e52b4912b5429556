import { type INestApplication, type LogLevel, Logger, type NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { configureHttpApp, type HttpAppOptions, JSON_BODY_LIMIT_BYTES, platformOf } from './configure-http-app';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

type AppOptions = HttpAppOptions & { logLevel?: LogLevel };

export interface ServiceOptions extends HttpAppOptions {
  port: number;
  /** The most verbose level to print (LOG_LEVEL). */
  logLevel?: LogLevel;
}

/**
 * Creates an app with the shared HTTP plumbing but does not listen (tests use it as is, after
 * `init()`). Fastify unless the app needs Express (ADR 010); a Fastify app comes back initialized.
 */
export function createHttpApp(AppModule: object, options: AppOptions & ({ platform: 'express' } | { beforeBodyParser: object })): Promise<NestExpressApplication>;
export function createHttpApp(AppModule: object, options: AppOptions & { platform?: 'fastify'; beforeBodyParser?: undefined }): Promise<NestFastifyApplication>;
export function createHttpApp(AppModule: object, options: AppOptions): Promise<INestApplication>;
export async function createHttpApp(AppModule: object, options: AppOptions): Promise<INestApplication> {
  cacheValidationMetadata();
  const upTo = LEVELS.indexOf(options.logLevel ?? 'log');
  const common: NestApplicationOptions = {
    // Registered by configureHttpApp instead, after any middleware that needs the raw body.
    bodyParser: false,
    logger: LEVELS.slice(0, upTo + 1),
    // Throw instead of process.exit: main() reports and exits, tests see the real error.
    abortOnError: false,
  };
  if (platformOf(options) === 'express') {
    const app = await NestFactory.create<NestExpressApplication>(AppModule, common);
    configureHttpApp(app, options);
    return app;
  }
  const app = await createFastifyApp(AppModule, common);
  configureHttpApp(app, options);
  // Fastify adds routes only when it boots, and tests use the bare HTTP server after init():
  // booted here, so that it is (init() again is a no-op).
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

async function createFastifyApp(AppModule: object, common: NestApplicationOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    // As Express routes them: `/api/cases/` is `/api/cases`.
    routerOptions: { ignoreTrailingSlash: true },
    // No Nest middleware here (request ids and metrics are hooks): no middleware engine per request.
    skipMiddie: true,
  });
  return NestFactory.create<NestFastifyApplication>(AppModule, adapter, common);
}

/** Starts a service: the app with the shared plumbing, listening on `port`. */
export async function bootstrapService(AppModule: object, options: ServiceOptions): Promise<INestApplication> {
  const app = await createHttpApp(AppModule, options);
  // Fastify alone would listen on localhost only; Express listens on every interface.
  await (platformOf(options) === 'fastify' ? app.listen(options.port, '0.0.0.0') : app.listen(options.port));
  new Logger(options.name).log(`listening on :${options.port}`);
  return app;
}
