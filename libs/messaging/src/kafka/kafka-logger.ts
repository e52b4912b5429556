import { Logger } from '@nestjs/common';
import { logLevel, type LogEntry, type logCreator } from 'kafkajs';

// The idempotent producer warns whenever its retries are bounded. We bound them on purpose: a
// failed send surfaces to the relay, which retries the whole batch from its checkpoint (at
// least once; consumers dedupe by eventId), so the warning is noise here.
const EXPECTED_WARNINGS = ['Limiting retries for the idempotent producer'];

// While a broker is down kafkajs logs every reconnect attempt; one line per kind of trouble
// per window is enough, with a count of what was held back.
const REPEAT_WINDOW_MS = 30_000;

/** Routes kafkajs' own logging to the Nest logger: warnings and errors only, repeats held back. */
export const nestLogCreator: logCreator = () => {
  const logger = new Logger('Kafka');
  const lastLogged = new Map<string, { at: number; heldBack: number }>();
  return ({ level, namespace, log }: LogEntry) => {
    const { message, timestamp: _timestamp, logger: _name, stack: _stack, ...extra } = log;
    if (EXPECTED_WARNINGS.some((expected) => message.startsWith(expected))) return;
    const key = `${level}:${namespace}:${message}`;
    const seen = lastLogged.get(key);
    const now = Date.now();
    if (seen && now - seen.at < REPEAT_WINDOW_MS) {
      seen.heldBack += 1;
      return;
    }
    const repeats = seen?.heldBack ? ` (repeated ${seen.heldBack}× since last shown)` : '';
    lastLogged.set(key, { at: now, heldBack: 0 });
    const line = `${namespace}: ${message} ${JSON.stringify(extra)}${repeats}`;
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
  };
};

export const KAFKA_LOG_LEVEL = logLevel.WARN;
