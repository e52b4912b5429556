import type { IncomingMessage, MessageConsumer } from '../kafka/kafka.ports';
import type { LoggerLike } from '../logger-like';

type Settled = Pick<IncomingMessage, 'topic' | 'partition' | 'offset'>;

/**
 * Commits settled offsets in the background, the highest per partition, at most every
 * `intervalMs`, all partitions in one request — not one broker round trip per message. Safe because effects are deduplicated
 * by eventId: a commit lost to a crash or a rebalance only means those messages come again and
 * are skipped. Messages of a partition are handled in order, so a mark never passes a message
 * that is not settled.
 */
export class OffsetCommitter {
  private readonly marks = new Map<string, Settled>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly consumer: MessageConsumer,
    private readonly logger: LoggerLike,
    private readonly intervalMs = 200,
  ) {}

  mark({ topic, partition, offset }: Settled): void {
    const key = `${topic}:${partition}`;
    const known = this.marks.get(key);
    if (!known || BigInt(offset) > BigInt(known.offset)) this.marks.set(key, { topic, partition, offset });
    this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
  }

  /** Commits what is marked now; waits for a flush already under way. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.marks.values()];
    this.marks.clear();
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.consumer.commit(batch);
      } catch (error) {
        // Not in the group any more (a rebalance): the next owner re-reads and dedupes.
        const what = batch.map((settled) => `${settled.topic}/${settled.partition}@${settled.offset}`).join(', ');
        this.logger.warn(`could not commit ${what}: ${String(error)}`);
      }
    });
    return this.flushing;
  }
}
