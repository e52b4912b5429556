import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { KnownUnits } from '../../../units/known-units';
import { decide } from '../../domain/plan.decide';
import { PlanRepository } from '../../plan-repository';
import { PlanInspectionCommand } from './plan-inspection.command';

@CommandHandler(PlanInspectionCommand)
export class PlanInspectionHandler implements ICommandHandler<PlanInspectionCommand, { id: string }> {
  constructor(
    private readonly plans: PlanRepository,
    private readonly units: KnownUnits,
  ) {}

  async execute({ planId, input, now, context }: PlanInspectionCommand): Promise<{ id: string }> {
    const knownUnitIds = await this.units.ids(context.tx);
    const { state, version } = await this.plans.load(planId, context.tx);
    const events = decide({ type: 'PlanInspection', planId, ...input, window: { from: input.window.from, to: input.window.to }, knownUnitIds, now }, state);
    await this.plans.append(planId, events, version, context, now);
    return { id: planId };
  }
}
