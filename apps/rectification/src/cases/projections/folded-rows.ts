import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@rectify/event-store';
import type { CaseEvent } from '../domain/case.events';

/** A column a change sets to the event's time only if no earlier event did (a first milestone). */
export const FIRST = Symbol('first occurrence');

export type Sets = Record<string, unknown>;

/**
 * One row per case for a batch of its events: a projection folds the batch's changes per case
 * in memory and then writes once per case instead of once per event. A case opened in the batch
 * is inserted with every later change of the batch already applied (one INSERT for all such rows
 * of the same shape: the busy path of a log is opening and assigning); a case that existed gets
 * one UPDATE with its changes merged in order (later values win, FIRST keeps the earliest time).
 */
export class FoldedRows {
  private readonly opened = new Map<string, Sets>();
  private readonly changed = new Map<string, Map<string, { value: unknown } | { first: Date }>>();

  constructor(
    private readonly table: string,
    private readonly key: string,
  ) {}

  open(id: string, row: Sets): void {
    this.opened.set(id, { [this.key]: id, ...row });
  }

  change(id: string, sets: Sets, at: Date): void {
    const row = this.opened.get(id);
    if (row) {
      for (const [column, value] of Object.entries(sets)) {
        if (value !== FIRST) row[column] = value;
        else row[column] ??= at;
      }
      return;
    }
    const pending = this.changed.get(id) ?? new Map<string, { value: unknown } | { first: Date }>();
    for (const [column, value] of Object.entries(sets)) {
      if (value !== FIRST) pending.set(column, { value });
      else if (!pending.has(column)) pending.set(column, { first: at });
    }
    if (pending.size > 0) this.changed.set(id, pending);
  }

  async write(tx: PoolClient): Promise<void> {
    await this.insertOpened(tx);
    for (const [id, pending] of this.changed) {
      const values: unknown[] = [id];
      const assignments = [...pending].map(([column, change]) =>
        'first' in change ? `${column} = COALESCE(${column}, $${values.push(change.first)})` : `${column} = $${values.push(change.value)}`,
      );
      await tx.query(`UPDATE ${this.table} SET ${assignments.join(', ')} WHERE ${this.key} = $1`, values);
    }
    this.opened.clear();
    this.changed.clear();
  }

  /** One INSERT per shape (set of columns); a row that is there already is left as it is. */
  private async insertOpened(tx: PoolClient): Promise<void> {
    const byShape = new Map<string, Sets[]>();
    for (const row of this.opened.values()) {
      const shape = Object.keys(row).sort().join(',');
      const same = byShape.get(shape);
      if (same) same.push(row);
      else byShape.set(shape, [row]);
    }
    for (const [shape, rows] of byShape) {
      const columns = shape.split(',');
      const values: unknown[] = [];
      const tuples = rows.map((row) => `(${columns.map((column) => `$${values.push(row[column])}`).join(', ')})`);
      await tx.query(`INSERT INTO ${this.table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (${this.key}) DO NOTHING`, values);
    }
  }
}

type CaseOpenedData = Extract<CaseEvent, { type: 'CaseOpened' }>['data'];

/** A read model with one row per case, as `foldCaseRows` writes it. */
export interface CaseRows {
  table: string;
  key: string;
  /** The row a CaseOpened starts. */
  opened(data: CaseOpenedData, recorded: RecordedEvent): Sets;
  /** What a later event changes in it; undefined or empty: nothing. */
  changed(event: CaseEvent, recorded: RecordedEvent): Sets | undefined;
}

/** Applies a batch of the log to a one-row-per-case read model, folded per case (FoldedRows). */
export async function foldCaseRows(events: readonly RecordedEvent[], tx: PoolClient, model: CaseRows): Promise<void> {
  const rows = new FoldedRows(model.table, model.key);
  for (const recorded of events) {
    if (!recorded.streamId.startsWith('case-')) continue;
    const event = { type: recorded.type, data: recorded.data } as CaseEvent;
    if (event.type === 'CaseOpened') {
      rows.open(event.data.caseId, model.opened(event.data, recorded));
      continue;
    }
    const sets = model.changed(event, recorded);
    if (sets) rows.change(event.data.caseId, sets, recorded.occurredAt);
  }
  await rows.write(tx);
}
