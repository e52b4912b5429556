/** The service's pg.Pool, resolved from the `poolToken` the service passes (libs/database's PG_POOL). */
export const MESSAGING_POOL = Symbol('MESSAGING_POOL');

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');
/** The service's idempotent producer (shared by its relay and its dead letters). */
export const MESSAGE_PRODUCER = Symbol('MESSAGE_PRODUCER');
