import { Injectable } from '@nestjs/common';
import { ConcurrencyError, loadState, PgEventStore, type Queryable, type Reducer } from '@rectify/event-store';
import type { CommandContext } from '../shared/command-context';
import { toNewEvents } from '../shared/to-new-events';
import { evolveReinspection, initialReinspectionState, type ReinspectionEvent, type ReinspectionState } from './domain/reinspection';

export const reinspectionStreamId = (id: string) => `reinspection-${id}`;

const reducer: Reducer<ReinspectionState> = {
  name: 'reinspection',
  version: 1,
  initialState: initialReinspectionState,
  evolve: (state, event) => evolveReinspection(state, { type: event.type, data: event.data } as ReinspectionEvent),
};

/** Load and append; `reinspection_tasks` follows through its projection. */
@Injectable()
export class ReinspectionRepository {
  constructor(private readonly store: PgEventStore) {}

  load(id: string, db?: Queryable) {
    return loadState(this.store, reinspectionStreamId(id), reducer, {}, db);
  }

  async append(id: string, events: ReinspectionEvent[], expectedVersion: number, context: CommandContext, now: Date): Promise<number> {
    if (context.expectedVersion !== undefined && context.expectedVersion !== expectedVersion) {
      throw new ConcurrencyError(reinspectionStreamId(id), context.expectedVersion, expectedVersion);
    }
    const { nextVersion } = await this.store.append(reinspectionStreamId(id), toNewEvents(events, context, now), expectedVersion, context.tx);
    return nextVersion;
  }
}

