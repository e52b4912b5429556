import { randomUUID } from 'node:crypto';
import { ConcurrencyError, loadState, type NewEvent, type PgEventStore, type Queryable, type Reducer, type StreamEvent } from '@rectify/event-store';
import type { CommandContext } from './command-context';

export interface AggregateSpec<State, Command extends { metadata: { now: string } }, Event extends { type: string; data: unknown }> {
  name: string;
  /** Bump whenever evolve or the state's shape changes (old snapshots are then ignored). */
  reducerVersion: number;
  streamId: (id: string) => string;
  initialState: () => State;
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event, at: string) => State;
  schemaVersions: Readonly<Record<Event['type'], number>>;
}

export interface ExecuteOptions extends CommandContext {
  /** If-Match: the version the client last saw; a stale one is refused (409), nothing written. */
  expectedVersion?: number;
  /** Join the caller's transaction (a Kafka handler's, or one that also writes a table). */
  db?: Queryable;
}

export interface Executed<State, Event> {
  version: number;
  state: State;
  events: Event[];
}

/** Load, decide, append with the loaded version: the one way commands change an aggregate. */
export class StreamRepository<State, Command extends { metadata: { now: string } }, Event extends { type: string; data: unknown }> {
  private readonly reducer: Reducer<State>;

  constructor(
    protected readonly store: PgEventStore,
    private readonly spec: AggregateSpec<State, Command, Event>,
  ) {
    this.reducer = {
      name: spec.name,
      version: spec.reducerVersion,
      initialState: spec.initialState,
      evolve: (state: State, event: StreamEvent) => spec.evolve(state, { type: event.type, data: event.data } as Event, event.occurredAt.toISOString()),
    };
  }

  load(id: string, db?: Queryable) {
    return loadState(this.store, this.spec.streamId(id), this.reducer, {}, db ?? this.store.pool);
  }

  async execute(id: string, commands: readonly Command[], options: ExecuteOptions): Promise<Executed<State, Event>> {
    const streamId = this.spec.streamId(id);
    const { state: loaded, version } = await this.load(id, options.db);
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
      throw new ConcurrencyError(streamId, options.expectedVersion, version);
    }
    let state = loaded;
    const decided: Event[] = [];
    const toAppend: NewEvent[] = [];
    for (const command of commands) {
      for (const event of this.spec.decide(command, state)) {
        state = this.spec.evolve(state, event, command.metadata.now);
        decided.push(event);
        toAppend.push({
          eventId: randomUUID(),
          type: event.type,
          schemaVersion: this.spec.schemaVersions[event.type as Event['type']],
          data: event.data,
          metadata: { correlationId: options.correlationId, causationId: options.causationId, actor: options.actor },
          occurredAt: new Date(command.metadata.now),
        });
      }
    }
    if (toAppend.length === 0) return { version, state, events: [] };
    const { nextVersion } = await this.store.append(streamId, toAppend, version, options.db);
    return { version: nextVersion, state, events: decided };
  }
}
