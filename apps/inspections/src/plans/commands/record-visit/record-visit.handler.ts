import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InspectionsEventTypes } from '@rectify/contracts';
import { PgEventStore } from '@rectify/event-store';
import { findingStreamId } from '../../../findings/finding-stream';
import { toNewEvents } from '../../../shared/to-new-events';
import { decide } from '../../domain/plan.decide';
import { PlanError } from '../../domain/plan.errors';
import { PlanRepository } from '../../plan-repository';
import { RecordVisitCommand, type RecordedVisit } from './record-visit.command';

/** One transaction: the visit (and disclosure) on the plan stream, one stream per finding. */
@CommandHandler(RecordVisitCommand)
export class RecordVisitHandler implements ICommandHandler<RecordVisitCommand, RecordedVisit> {
  constructor(
    private readonly plans: PlanRepository,
    private readonly store: PgEventStore,
  ) {}

  async execute({ planId, input, recordedBy, now, context }: RecordVisitCommand): Promise<RecordedVisit> {
    const { state, version } = await this.plans.load(planId, context.tx);
    if (state.status === 'none') throw PlanError.notFound(planId);
    const visitId = randomUUID();
    const { events, findings } = decide({
      type: 'RecordVisit',
      planId,
      visitId,
      unitId: input.unitId,
      arrivedAt: input.arrivedAt,
      recordedBy,
      inspectorIds: input.inspectorIds ?? [],
      onArrival: input.onArrival ? { staffPresent: input.onArrival.staffPresent, staffAbsent: input.onArrival.staffAbsent } : undefined,
      observations: input.observations.map((o) => ({ ...o })),
      findingIds: input.observations.map(() => randomUUID()),
      now,
    }, state);
    await this.plans.append(planId, events, version, context, now);
    for (const finding of findings) {
      await this.store.append(findingStreamId(finding.findingId), toNewEvents([{ type: InspectionsEventTypes.FindingRecorded, data: finding }], context, now), 0, context.tx);
    }
    return { id: visitId, findings: findings.map((f) => ({ id: f.findingId, category: f.category })) };
  }
}
