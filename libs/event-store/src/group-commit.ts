interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions<Item> {
  /** Groups written at the same time (1 by default); the next group gathers while they are in flight. */
  maxInFlight?: number;
  /** Total weight of a group at most (a lone heavier item still goes, alone). */
  maxWeight?: number;
  /** An item's weight, e.g. its row count; 1 by default. */
  weigh?: (item: Item) => number;
}

/**
 * Group commit: items that arrive while a write is in flight wait for it and then go together,
 * in one statement (one transaction, one WAL flush). An item arriving when nothing is in flight
 * is written at once, so nothing ever waits on a timer. When a group's write fails, each of its
 * items is written again alone: every caller gets the outcome it would have had alone (a 409 for
 * the one that conflicts, success for the others), and the failed statement wrote nothing.
 */
export class GroupCommit<Item, Result> {
  private readonly waiting: Waiting<Item, Result>[] = [];
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly maxWeight: number;
  private readonly weigh: (item: Item) => number;

  constructor(
    private readonly writeGroup: (items: Item[]) => Promise<Result[]>,
    private readonly writeOne: (item: Item) => Promise<Result>,
    options: GroupCommitOptions<Item> = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? 1;
    this.maxWeight = options.maxWeight ?? 100;
    this.weigh = options.weigh ?? (() => 1);
  }

  write(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.groupSize());
      this.inFlight += 1;
      void this.writeAll(group).finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
    }
  }

  /** How many of the waiting items make the next group: at least one, then up to maxWeight. */
  private groupSize(): number {
    let weight = this.weigh(this.waiting[0].item);
    let size = 1;
    while (size < this.waiting.length && weight + this.weigh(this.waiting[size].item) <= this.maxWeight) {
      weight += this.weigh(this.waiting[size].item);
      size += 1;
    }
    return size;
  }

  private async writeAll(group: Waiting<Item, Result>[]): Promise<void> {
    if (group.length > 1) {
      const results = await this.writeGroup(group.map((waiting) => waiting.item)).then(
        (written) => ({ written }),
        () => undefined, // each item alone below, for its own outcome
      );
      if (results) {
        group.forEach((waiting, i) => waiting.resolve(results.written[i]));
        return;
      }
    }
    await Promise.all(group.map(async (waiting) => {
      try {
        waiting.resolve(await this.writeOne(waiting.item));
      } catch (error) {
        waiting.reject(error);
      }
    }));
  }
}
