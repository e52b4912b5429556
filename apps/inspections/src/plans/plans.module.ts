import { Module } from '@nestjs/common';
import { IdempotentCommands } from '../shared/idempotency';
import { UnitsModule } from '../units/units.module';
import { PlanInspectionHandler } from './commands/plan-inspection/plan-inspection.handler';
import { RecordVisitHandler } from './commands/record-visit/record-visit.handler';
import { PlanRepository } from './plan-repository';
import { PlansController } from './plans.controller';
import { ListPlans } from './queries/list-plans.query';
import { SealedPlanReads } from './sealed-plan-reads';

@Module({
  imports: [UnitsModule],
  controllers: [PlansController],
  providers: [PlanRepository, PlanInspectionHandler, RecordVisitHandler, ListPlans, SealedPlanReads, IdempotentCommands],
})
export class PlansModule {}
