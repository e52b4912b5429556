import { type LogLevel, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp, type HttpAppOptions } from './configure-http-app';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface ServiceOptions extends HttpAppOptions {
  port: number;
  /** The most verbose level to print (LOG_LEVEL). */
  logLevel?: LogLevel;
}

/** Creates an app with the shared HTTP plumbing but does not listen (tests use it as is). */
export async function createHttpApp(
  AppModule: object,
  options: HttpAppOptions & { logLevel?: LogLevel },
): Promise<NestExpressApplication> {
  const upTo = LEVELS.indexOf(options.logLevel ?? 'log');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    // Registered by configureHttpApp instead, after any middleware that needs the raw body.
    bodyParser: false,
    logger: LEVELS.slice(0, upTo + 1),
    // Throw instead of process.exit: main() reports and exits, tests see the real error.
    abortOnError: false,
  });
  configureHttpApp(app, options);
  return app;
}

/** Starts a service: the app with the shared plumbing, listening on `port`. */
export async function bootstrapService(AppModule: object, options: ServiceOptions): Promise<NestExpressApplication> {
  const app = await createHttpApp(AppModule, options);
  await app.listen(options.port);
  new Logger(options.name).log(`listening on :${options.port}`);
  return app;
}
