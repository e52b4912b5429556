import type { CommandContext } from '../../../shared/command-context';
import type { PlanInspectionDto } from './plan-inspection.dto';

export class PlanInspectionCommand {
  constructor(
    readonly planId: string,
    readonly input: PlanInspectionDto,
    readonly now: Date,
    readonly context: CommandContext,
  ) {}
}
