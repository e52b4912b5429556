import { resolve } from 'node:path';

/** Injection token: the folder holding the built console (its index.html and assets/). */
export const CONSOLE_DIR = Symbol('CONSOLE_DIR');

/**
 * `dist/console` beside this compiled file's `dist/apps/gateway/src/home`: where
 * `npm run build:console` puts it, in a checkout and in the Docker image alike.
 */
export function defaultConsoleDirectory(): string {
  return resolve(__dirname, '..', '..', '..', '..', 'console');
}
