import type { PoolClient } from 'pg';
import { type Checkpoint, START } from './event.types';
import type { PgEventStore } from './pg-event-store';
import { CheckpointMoved, type Projection, ProjectionRunner } from './projection-runner';
import { rows, withTransaction } from './queryable';

const REMEMBER_MS = 1_000;
const same = (a: Checkpoint, b: Checkpoint) => a.txid === b.txid && a.position === b.position;
const isStart = (checkpoint: Checkpoint) => same(checkpoint, START);

/**
 * Keeps several projections of one log caught up together: while their checkpoints agree (the
 * usual case), a round reads the log once and applies one batch to all of them in one
 * transaction that moves every checkpoint (compare-and-set, as ProjectionRunner does alone).
 * A round that finds nothing new costs one query: the checkpoints are remembered between rounds
 * (for a second at most) and checked by the compare-and-set, not read again each time.
 *
 * Projections whose checkpoints differ (one was just added or reset and is backfilling) are
 * caught up one by one until they agree; a batch one projection cannot apply is retried one by
 * one too, so the others keep moving while it fails.
 */
export class ProjectionGroup {
  private readonly projections: Projection[] = [];
  private readonly runners: ProjectionRunner[] = [];
  /** The checkpoint every projection is at, as this process last wrote or read it; null: unknown. */
  private known: Checkpoint | null = null;
  /** When `known` was read or written: it is trusted for REMEMBER_MS, then read again. */
  private knownAt = 0;
  /** Rounds of this process (the daemon's, a caller's catchUp) take turns. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: PgEventStore,
    projections: readonly Projection[] = [],
    private readonly batchSize = 500,
  ) {
    this.add(projections);
  }

  add(projections: readonly Projection[]): void {
    for (const projection of projections) {
      if (this.projections.some((p) => p.name === projection.name)) throw new Error(`projection ${projection.name} is registered twice`);
      this.projections.push(projection);
      this.runners.push(new ProjectionRunner(this.store, projection, this.batchSize));
    }
    this.known = null;
  }

  /** Reads the checkpoints again at the next round instead of trusting the remembered one. */
  forget(): void {
    this.known = null;
  }

  /** Applies everything visible now; returns how many events were applied (counted once per batch). */
  catchUp(): Promise<number> {
    return this.applyWhile((applied) => applied > 0);
  }

  /**
   * A daemon's round: the next batch, and more only while batches come full (a backlog). What
   * commits during the round waits for the next one instead of costing a read that finds
   * nothing now and then the same events a moment later.
   */
  keepUp(): Promise<number> {
    return this.applyWhile((applied) => applied >= this.batchSize);
  }

  applyNextBatch(): Promise<number> {
    const mine = this.turn.then(() => this.round());
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  /** Applies batch after batch while `more` says so of the last one; the total applied. */
  private async applyWhile(more: (applied: number) => boolean): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await this.applyNextBatch();
      total += applied;
      if (!more(applied)) return total;
    }
  }

  private async round(): Promise<number> {
    if (this.projections.length === 0) return 0;
    // Remembered for a while only: a checkpoint reset from outside (a rebuild) is noticed even
    // when no new event comes along to fail the compare-and-set.
    const remembered = this.known !== null && Date.now() - this.knownAt < REMEMBER_MS ? this.known : null;
    const from = remembered ?? (await this.commonCheckpoint());
    if (from === null) return this.oneByOne();
    const events = await this.store.readAll(from, this.batchSize);
    if (events.length === 0) return 0;
    const last = events[events.length - 1];
    const to = { txid: last.txid, position: last.position };
    try {
      await withTransaction(this.store.pool, async (tx) => {
        for (const projection of this.projections) await projection.apply(events, tx);
        await this.moveCheckpoints(tx, from, to);
      });
    } catch (error) {
      this.known = null;
      if (error instanceof CheckpointMoved) throw error;
      // One projection refused the batch: let the others take it without it.
      const applied = await this.oneByOne();
      if (applied > 0) return applied;
      throw error;
    }
    this.remember(to);
    return events.length;
  }

  private remember(checkpoint: Checkpoint | null): void {
    this.known = checkpoint;
    this.knownAt = Date.now();
  }

  /** The checkpoint all projections share, read from the database; null when they differ. */
  private async commonCheckpoint(): Promise<Checkpoint | null> {
    const names = this.projections.map((p) => p.name);
    const found = await rows<{ name: string; txid: string; position: string }>(
      this.store.pool,
      'SELECT name, txid::text AS txid, position::text AS position FROM projection_checkpoints WHERE name = ANY($1)',
      [names],
    );
    const byName = new Map(found.map((row) => [row.name, { txid: row.txid, position: row.position }]));
    const checkpoints = names.map((name) => byName.get(name) ?? START);
    const common = checkpoints.every((checkpoint) => same(checkpoint, checkpoints[0])) ? checkpoints[0] : null;
    this.remember(common);
    return common;
  }

  private async oneByOne(): Promise<number> {
    let applied = 0;
    let failure: unknown = null;
    for (const runner of this.runners) {
      try {
        applied += await runner.applyNextBatch();
      } catch (error) {
        failure ??= error;
      }
    }
    this.known = null;
    if (applied === 0 && failure !== null) throw failure;
    return applied;
  }

  private async moveCheckpoints(tx: PoolClient, from: Checkpoint, to: Checkpoint): Promise<void> {
    const names = this.projections.map((p) => p.name);
    const result = isStart(from)
      ? await tx.query(
          `INSERT INTO projection_checkpoints (name, txid, position) SELECT unnest($1::text[]), $2::xid8, $3
           ON CONFLICT (name) DO NOTHING`,
          [names, to.txid, to.position],
        )
      : await tx.query(
          `UPDATE projection_checkpoints SET txid = $2::xid8, position = $3, updated_at = now()
            WHERE name = ANY($1) AND txid = $4::xid8 AND position = $5`,
          [names, to.txid, to.position, from.txid, from.position],
        );
    if (result.rowCount !== names.length) throw new CheckpointMoved(names.join(', '));
  }
}
