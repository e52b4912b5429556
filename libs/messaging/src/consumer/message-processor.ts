import type { IntegrationEnvelope } from '@rectify/contracts';
import type { Pool } from 'pg';
import type { IncomingMessage, MessageContext, MessageProducer } from '../kafka/kafka.ports';
import type { LoggerLike } from '../logger-like';
import { describeError } from '../retry/describe-error';
import { backoffDelay, sleep, type BackoffOptions } from '../retry/backoff';
import { classifyError } from '../retry/error-classification';
import { dlqTopic } from '../topics/topic-names';
import { applyOnce } from './apply-once';
import { toDeadLetter, type DeadLetterReason } from './dead-letter';
import type { HandlerRegistration } from './handler-registry';
import { whileHeartbeating } from './heartbeat';

export interface ProcessingPolicy {
  /** Tries of a handler that fails with a non-transient error before it is dead-lettered. */
  poisonAttempts: number;
  poisonBackoff: BackoffOptions;
  /** Transient failures are retried without limit, with this capped backoff. */
  transientBackoff: BackoffOptions;
  heartbeatEveryMs: number;
  /** Most events applied in one transaction: bounds how long a batch holds its locks. */
  maxBatchSize: number;
}

export const DEFAULT_PROCESSING_POLICY: ProcessingPolicy = {
  poisonAttempts: 3,
  poisonBackoff: { initialMs: 50, maxMs: 500 },
  transientBackoff: { initialMs: 200, maxMs: 30_000 },
  heartbeatEveryMs: 2_000,
  maxBatchSize: 100,
};

/**
 * - applied: the handler's effect committed; - duplicate: an earlier delivery already did it;
 * - ignored: no handler for this type; - dead-lettered: sent to `<topic>.dlq`;
 * - interrupted: stopping mid-way (or the partition was taken away), nothing settled: the
 *   message will be delivered again.
 */
export type Outcome = 'applied' | 'duplicate' | 'ignored' | 'dead-lettered' | 'interrupted';

/**
 * Settles one message on its own: its handler in its own transaction, retried while the error
 * is transient, dead-lettered after `poisonAttempts` other failures. The batch path falls back
 * to this when a batch's transaction fails.
 */
export class MessageProcessor {
  constructor(
    private readonly consumer: string,
    private readonly pool: Pool,
    private readonly dlqProducer: MessageProducer,
    private readonly policy: ProcessingPolicy,
    private readonly logger: LoggerLike,
  ) {}

  /** `failedBefore`: the error of a try already made (in a batch), counted like any other. */
  async apply(
    message: IncomingMessage,
    registration: HandlerRegistration,
    envelope: IntegrationEnvelope,
    context: MessageContext,
    stop: AbortSignal,
    failedBefore?: unknown,
  ): Promise<Outcome> {
    let transientFailures = 0;
    let poisonFailures = 0;
    let failure = failedBefore;
    while (!stop.aborted) {
      if (failure !== undefined) {
        const where = `${envelope.type} ${envelope.eventId} (${message.topic}/${message.partition}@${message.offset})`;
        if (classifyError(failure) === 'transient') {
          transientFailures += 1;
          this.logger.warn(`transient failure #${transientFailures} handling ${where}: ${describeError(failure)}; retrying`);
          await sleep(backoffDelay(transientFailures, this.policy.transientBackoff), stop);
        } else {
          poisonFailures += 1;
          if (poisonFailures >= this.policy.poisonAttempts) {
            return this.deadLetter(message, 'handler-failed', describeError(failure), context, stop);
          }
          this.logger.warn(`handler failed (${poisonFailures}/${this.policy.poisonAttempts}) on ${where}: ${describeError(failure)}`);
          await sleep(backoffDelay(poisonFailures, this.policy.poisonBackoff), stop);
        }
        if (stop.aborted) break;
      }
      try {
        return (await applyOnce(this.pool, this.consumer, registration, envelope)) ? 'applied' : 'duplicate';
      } catch (error) {
        failure = error;
      }
    }
    return 'interrupted';
  }

  /** Never gives up on the DLQ itself: moving on without it would lose the message. */
  deadLetter(
    message: IncomingMessage,
    reason: DeadLetterReason,
    error: string,
    context: MessageContext,
    stop: AbortSignal,
  ): Promise<Outcome> {
    const topic = dlqTopic(message.topic);
    this.logger.warn(`dead-lettering ${message.topic}/${message.partition}@${message.offset} to ${topic}: ${error}`);
    const letter = toDeadLetter(message, reason, error, this.consumer);
    return whileHeartbeating(context, this.policy.heartbeatEveryMs, async () => {
      for (let attempt = 1; !stop.aborted; attempt++) {
        try {
          await this.dlqProducer.send(topic, [letter]);
          return 'dead-lettered';
        } catch (sendError) {
          this.logger.warn(`could not publish to ${topic} (attempt ${attempt}): ${describeError(sendError)}; retrying`);
          await sleep(backoffDelay(attempt, this.policy.transientBackoff), stop);
        }
      }
      return 'interrupted';
    });
  }
}
