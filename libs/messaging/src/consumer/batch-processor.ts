import type { Pool } from 'pg';
import type { BatchContext, IncomingMessage, MessageBatch } from '../kafka/kafka.ports';
import type { LoggerLike } from '../logger-like';
import { describeError } from '../retry/describe-error';
import { applyBatchOnce, BatchHandlerFailed, type PendingEvent } from './apply-batch-once';
import { CoalescedApply } from './coalesced-apply';
import type { EventHandlerRegistry } from './handler-registry';
import { whileHeartbeating } from './heartbeat';
import type { MessageProcessor, Outcome, ProcessingPolicy } from './message-processor';
import { triage } from './triage';

type Pending = PendingEvent & { message: IncomingMessage; index: number };

/**
 * Settles a fetched batch of one partition: skips what no handler wants, dead-letters what is
 * malformed, and applies the rest in order, up to `maxBatchSize` events per transaction
 * (one dedup statement, one commit), shared with other partitions' batches that are ready at
 * the same time (CoalescedApply). If that transaction fails, its events are applied one by
 * one instead, so a poison message goes to the DLQ alone and the others still apply, once.
 */
export class BatchProcessor {
  private readonly together: CoalescedApply;

  constructor(
    consumer: string,
    pool: Pool,
    private readonly registry: EventHandlerRegistry,
    private readonly single: MessageProcessor,
    private readonly policy: ProcessingPolicy,
    private readonly logger: LoggerLike,
  ) {
    this.together = new CoalescedApply((events) => applyBatchOnce(pool, consumer, events));
  }

  /** One outcome per message, in order; everything from the first 'interrupted' on is unsettled. */
  async process(batch: MessageBatch, context: BatchContext, stop: AbortSignal): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    let pending: Pending[] = [];
    for (const [index, message] of batch.messages.entries()) {
      const decision = triage(message, this.registry);
      if (decision.kind === 'apply') {
        pending.push({ registration: decision.registration, envelope: decision.envelope, message, index });
        if (pending.length < this.policy.maxBatchSize) continue;
      } else if (decision.kind === 'ignore') {
        outcomes[index] = 'ignored';
        continue;
      }
      // Apply what is pending before a dead letter too: settling stays in partition order.
      if (!(await this.settle(pending, outcomes, context, stop))) return fillInterrupted(outcomes, batch);
      pending = [];
      if (decision.kind === 'dead-letter') {
        outcomes[index] = await this.single.deadLetter(message, decision.reason, decision.error, context, stop);
        if (outcomes[index] === 'interrupted') return fillInterrupted(outcomes, batch);
      }
    }
    await this.settle(pending, outcomes, context, stop);
    return fillInterrupted(outcomes, batch);
  }

  /** Writes the pending events' outcomes; false once stopping (their outcomes stay unset). */
  private async settle(pending: Pending[], outcomes: Outcome[], context: BatchContext, stop: AbortSignal): Promise<boolean> {
    if (pending.length === 0) return true;
    if (stop.aborted || context.isStale()) return false;
    const settled = await whileHeartbeating(context, this.policy.heartbeatEveryMs, () => this.applyAll(pending, context, stop));
    settled.forEach((outcome, i) => (outcomes[pending[i].index] = outcome));
    return !settled.includes('interrupted');
  }

  private async applyAll(pending: Pending[], context: BatchContext, stop: AbortSignal): Promise<Outcome[]> {
    try {
      const applied = await this.together.submit(pending);
      return applied.map((fresh) => (fresh ? 'applied' : 'duplicate'));
    } catch (error) {
      const failedAt = error instanceof BatchHandlerFailed ? error.index : -1;
      const cause = error instanceof BatchHandlerFailed ? error.error : error;
      const first = pending[0].message;
      this.logger.warn(
        `a batch of ${pending.length} from ${first.topic}/${first.partition}@${first.offset} failed (${describeError(cause)}); applying its events one by one`,
      );
      const outcomes: Outcome[] = [];
      for (const [i, { message, registration, envelope }] of pending.entries()) {
        const outcome = await this.single.apply(message, registration, envelope, context, stop, i === failedAt ? cause : undefined);
        outcomes.push(outcome);
        if (outcome === 'interrupted') break;
      }
      return outcomes;
    }
  }
}

function fillInterrupted(outcomes: Outcome[], batch: MessageBatch): Outcome[] {
  const first = batch.messages.findIndex((_, i) => outcomes[i] === undefined || outcomes[i] === 'interrupted');
  if (first < 0) return outcomes;
  return batch.messages.map((_, i) => (i < first ? outcomes[i] : 'interrupted'));
}
