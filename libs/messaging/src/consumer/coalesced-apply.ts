import { BatchHandlerFailed, type PendingEvent } from './apply-batch-once';

/** Bounds how long one shared transaction holds its locks. */
const MAX_EVENTS = 500;

interface Submission {
  events: readonly PendingEvent[];
  resolve: (applied: boolean[]) => void;
  reject: (error: unknown) => void;
}

/**
 * One batch transaction at a time for all partitions of a consumer, and the partitions' batches
 * that arrive while one runs share the next (whole batches, up to 500 events): a fetch brings a
 * little from each of many partitions, and one transaction (one dedup statement, one commit) for
 * all of it costs about what one partition's would. Order within each partition's batch is kept; partitions are independent.
 *
 * One at a time also keeps batches that update shared rows (a counter per unit) from locking
 * them in opposite orders. If a shared transaction fails in one partition's handler, that
 * partition's batch gets the failure (and is applied event by event by its caller), while the
 * other batches go again together without it.
 */
export class CoalescedApply {
  private readonly queue: Submission[] = [];
  private draining = false;

  constructor(private readonly applyBatch: (events: readonly PendingEvent[]) => Promise<boolean[]>) {}

  /** Per event, whether it was applied (false: a duplicate), as applyBatchOnce answers. */
  submit(events: readonly PendingEvent[]): Promise<boolean[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        // Whole batches, up to MAX_EVENTS (the first always goes, however big).
        let count = 1;
        for (let events = this.queue[0].events.length; count < this.queue.length && events + this.queue[count].events.length <= MAX_EVENTS; count++) {
          events += this.queue[count].events.length;
        }
        await this.applyTogether(this.queue.splice(0, count));
      }
    } finally {
      this.draining = false;
    }
  }

  private async applyTogether(group: Submission[]): Promise<void> {
    let applied: boolean[];
    try {
      applied = await this.applyBatch(group.flatMap((submission) => submission.events));
    } catch (error) {
      this.blame(group, error);
      return;
    }
    let offset = 0;
    for (const submission of group) {
      submission.resolve(applied.slice(offset, offset + submission.events.length));
      offset += submission.events.length;
    }
  }

  /** The batch whose handler failed gets the error; the others go again, first in line. */
  private blame(group: Submission[], error: unknown): void {
    if (!(error instanceof BatchHandlerFailed)) {
      // Not one handler's doing (the connection, the commit): every batch finds out for itself.
      for (const submission of group) submission.reject(error);
      return;
    }
    const innocent: Submission[] = [];
    let offset = 0;
    for (const submission of group) {
      const end = offset + submission.events.length;
      if (error.index >= offset && error.index < end) submission.reject(new BatchHandlerFailed(error.index - offset, error.error));
      else innocent.push(submission);
      offset = end;
    }
    this.queue.unshift(...innocent);
  }
}
