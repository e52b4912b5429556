import { isRetriableKafkaError } from '../kafka/kafka-errors';

/**
 * Throw from a handler to say "try again later, do not dead-letter": e.g. a downstream
 * service that answered 503.
 */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

const TRANSIENT_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
]);

// node-postgres reports a dropped connection by message only, without a code.
const TRANSIENT_PG_MESSAGES = [
  'Connection terminated',
  'connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
];

export type ErrorKind = 'transient' | 'permanent';

/** Transient errors are retried in place; anything else is a bug or poison for this message. */
export function classifyError(error: unknown): ErrorKind {
  return isTransient(error, 0) ? 'transient' : 'permanent';
}

function isTransient(error: unknown, depth: number): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  if (error instanceof TransientError || isRetriableKafkaError(error)) return true;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (TRANSIENT_SOCKET_CODES.has(code) || TRANSIENT_SQLSTATES.has(code)) return true;
    if (code.startsWith('08')) return true; // SQLSTATE class 08: connection exception
  }
  if (typeof message === 'string' && TRANSIENT_PG_MESSAGES.some((m) => message.includes(m))) return true;
  // AggregateError from net.connect trying several addresses (e.g. ::1 and 127.0.0.1).
  if (Array.isArray(errors) && errors.length > 0 && errors.every((e) => isTransient(e, depth + 1))) return true;
  return isTransient(cause, depth + 1);
}
