import { Module } from '@nestjs/common';
import { IdempotentCommands } from '../shared/idempotency';
import { UnitsModule } from '../units/units.module';
import { DrawSpotCheckHandler } from './commands/draw-spot-check/draw-spot-check.handler';
import { CaseOpenedRiskHandler } from './consumers/case-opened-risk.handler';
import { SpotCheckRepository } from './spot-check-repository';
import { SpotChecksController } from './spot-checks.controller';

@Module({
  imports: [UnitsModule],
  controllers: [SpotChecksController],
  providers: [DrawSpotCheckHandler, SpotCheckRepository, CaseOpenedRiskHandler, IdempotentCommands],
})
export class SpotChecksModule {}
