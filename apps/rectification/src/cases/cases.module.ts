import { Module } from '@nestjs/common';
import { CaseRepository } from './case-repository';
import { CasesController } from './cases.controller';
import { OpenCaseHandler } from './commands/open-case/open-case.handler';
import { FindingRecordedHandler } from './consumers/finding-recorded.handler';
import { CaseProjections } from './projections/case-projections';
import { ListCases } from './queries/list-cases.query';

@Module({
  controllers: [CasesController],
  providers: [CaseRepository, OpenCaseHandler, FindingRecordedHandler, CaseProjections, ListCases],
})
export class CasesModule {}
