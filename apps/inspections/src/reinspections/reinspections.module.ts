import { Module } from '@nestjs/common';
import { IdempotentCommands } from '../shared/idempotency';
import { RecordResultHandler } from './commands/record-result/record-result.handler';
import { VerificationRequestedHandler } from './consumers/verification-requested.handler';
import { ListReinspections } from './queries/list-reinspections.query';
import { ReinspectionRepository } from './reinspection-repository';
import { ReinspectionsController } from './reinspections.controller';

@Module({
  controllers: [ReinspectionsController],
  providers: [ReinspectionRepository, VerificationRequestedHandler, RecordResultHandler, ListReinspections, IdempotentCommands],
})
export class ReinspectionsModule {}
