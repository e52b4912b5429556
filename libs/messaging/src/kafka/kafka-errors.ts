// kafkajs marks each of its errors `retriable` (or wraps a retriable cause once its own retries
// ran out). Read structurally so callers need not import kafkajs error classes.
export function isRetriableKafkaError(error: unknown): boolean {
  for (let current = error, depth = 0; isObject(current) && depth < 5; depth++) {
    if (typeof current.name !== 'string' || !current.name.startsWith('KafkaJS')) return false;
    if (current.retriable === true) return true;
    current = current.originalError ?? current.cause;
  }
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
