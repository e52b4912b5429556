import type { ServiceEnv } from '@rectify/config';

// Database names end up in CREATE DATABASE; keep them to plain identifiers.
const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/** The DATABASE_URL pointed at this service's own database, `<prefix>_<service>`. */
export function serviceDatabaseUrl(
  env: Pick<ServiceEnv, 'DATABASE_URL' | 'DATABASE_NAME_PREFIX'>,
  service: string,
): string {
  const name = env.DATABASE_NAME_PREFIX ? `${env.DATABASE_NAME_PREFIX}_${service}` : service;
  if (!IDENTIFIER.test(name)) {
    throw new Error(`database name "${name}" must match ${IDENTIFIER} (check DATABASE_NAME_PREFIX)`);
  }
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}
