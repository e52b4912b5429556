import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Actor, ConcurrencyError, loadState, type NewEvent, PgEventStore, type Queryable } from '@rectify/event-store';
import type { CaseCommand } from './domain/case.commands';
import { decide } from './domain/case.decide';
import { CASE_EVENT_SCHEMA_VERSION } from './domain/case.events';
import { evolve } from './domain/case.evolve';
import type { CaseState } from './domain/case.state';
import { caseReducer, caseStreamId } from './case-stream';

export interface CommandContext {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  /** If-Match: the version the client last saw; a stale one is refused (409), nothing written. */
  expectedVersion?: number;
  /** Join the caller's transaction (a Kafka handler's), so the effect commits with its dedup row. */
  db?: Queryable;
  /** Checked on the loaded state before deciding (who may act on this case); throws to refuse. */
  authorize?: (state: CaseState) => void;
}

export interface CommandResult {
  version: number;
  state: CaseState;
}

const SNAPSHOT_EVERY = 100;

/** Load, decide, append: the one way commands change a case. */
@Injectable()
export class CaseRepository {
  constructor(private readonly store: PgEventStore) {}

  load(caseId: string, options: { toVersion?: number; asOf?: Date; db?: Queryable; useSnapshots?: boolean } = {}) {
    const snapshotEvery = options.useSnapshots === false ? 0 : SNAPSHOT_EVERY;
    return loadState(this.store, caseStreamId(caseId), caseReducer, { ...options, snapshotEvery }, options.db);
  }

  async execute(caseId: string, command: CaseCommand, context: CommandContext): Promise<CommandResult> {
    return this.executeAll(caseId, [command], context);
  }

  /** Decides several commands in turn on the same loaded state and appends all their events at once. */
  /** The case's current version (0: no such case), without folding its events. */
  version(caseId: string, db?: Queryable): Promise<number> {
    return this.store.streamVersion(caseStreamId(caseId), db);
  }

  async executeAll(caseId: string, commands: readonly CaseCommand[], context: CommandContext): Promise<CommandResult> {
    // Expecting a new stream needs no read: the append itself refuses (409) if it exists after all.
    const { state: loaded, version } =
      context.expectedVersion === 0 && !context.authorize ? { state: caseReducer.initialState(), version: 0 } : await this.load(caseId, { db: context.db });
    context.authorize?.(loaded);
    if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
      throw new ConcurrencyError(caseStreamId(caseId), context.expectedVersion, version);
    }
    const { state, events } = decideAll(loaded, commands, context);
    // A no-op decision (e.g. an overdue case marked overdue again) writes nothing.
    if (events.length === 0) return { version, state };
    const { nextVersion } = await this.store.append(caseStreamId(caseId), events, version, context.db);
    return { version: nextVersion, state };
  }

  /**
   * Opens several cases known not to exist yet (see OpenCasesFromSources) with one INSERT for
   * all their events; if one exists after all, the whole statement fails and writes nothing.
   */
  async openAll(cases: ReadonlyArray<{ caseId: string; commands: readonly CaseCommand[]; context: CommandContext }>, db: Queryable): Promise<CommandResult[]> {
    const decided = cases.map(({ commands, context }) => decideAll(caseReducer.initialState(), commands, context));
    await this.store.appendToNewStreams(cases.map(({ caseId }, i) => ({ streamId: caseStreamId(caseId), events: decided[i].events })), db);
    return decided.map(({ state, events }) => ({ version: events.length, state }));
  }

  /** The current version of each case (0: no such case), in one query. */
  async versions(caseIds: readonly string[], db?: Queryable): Promise<Map<string, number>> {
    const byStream = await this.store.streamVersions(caseIds.map(caseStreamId), db);
    return new Map(caseIds.map((caseId) => [caseId, byStream.get(caseStreamId(caseId)) ?? 0]));
  }
}

/** Decides several commands in turn, each on the state the previous ones left. */
function decideAll(loaded: CaseState, commands: readonly CaseCommand[], context: CommandContext): { state: CaseState; events: NewEvent[] } {
  let state = loaded;
  const events: NewEvent[] = [];
  for (const command of commands) {
    for (const event of decide(command, state)) {
      state = evolve(state, event, command.metadata.now);
      events.push({
        eventId: randomUUID(),
        type: event.type,
        schemaVersion: CASE_EVENT_SCHEMA_VERSION[event.type],
        data: event.data,
        metadata: { correlationId: context.correlationId, causationId: context.causationId, actor: context.actor },
        occurredAt: new Date(command.metadata.now),
      });
    }
  }
  return { state, events };
}
