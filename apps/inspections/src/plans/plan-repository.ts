import { Injectable } from '@nestjs/common';
import { InspectionsEventTypes } from '@rectify/contracts';
import { ConcurrencyError, loadState, PgEventStore, type Queryable, type Reducer } from '@rectify/event-store';
import type { CommandContext } from '../shared/command-context';
import { toNewEvents } from '../shared/to-new-events';
import type { PlanEvent } from './domain/plan.events';
import { evolve } from './domain/plan.evolve';
import { initialPlanState, type PlanState } from './domain/plan.state';

export const planStreamId = (planId: string) => `plan-${planId}`;

const PLAN_EVENT_TYPES = new Set<string>([InspectionsEventTypes.InspectionPlanned, InspectionsEventTypes.VisitRecorded, InspectionsEventTypes.InspectionDisclosed]);

export const planReducer: Reducer<PlanState> = {
  name: 'plan',
  version: 1,
  initialState: initialPlanState,
  evolve: (state, event) =>
    PLAN_EVENT_TYPES.has(event.type) ? evolve(state, { type: event.type, data: event.data } as PlanEvent, event.occurredAt.toISOString()) : state,
};

/** Load and append; `plan_list` follows through its projection (plan-list.projection.ts). */
@Injectable()
export class PlanRepository {
  constructor(private readonly store: PgEventStore) {}

  load(planId: string, db?: Queryable) {
    return loadState(this.store, planStreamId(planId), planReducer, {}, db);
  }

  async append(planId: string, events: PlanEvent[], expectedVersion: number, context: CommandContext, now: Date): Promise<number> {
    if (context.expectedVersion !== undefined && context.expectedVersion !== expectedVersion) {
      throw new ConcurrencyError(planStreamId(planId), context.expectedVersion, expectedVersion);
    }
    const { nextVersion } = await this.store.append(planStreamId(planId), toNewEvents(events, context, now), expectedVersion, context.tx);
    return nextVersion;
  }
}

