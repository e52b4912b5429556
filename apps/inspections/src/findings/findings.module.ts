import { Module } from '@nestjs/common';
import { IdempotentCommands } from '../shared/idempotency';
import { FindingsController } from './findings.controller';

@Module({ controllers: [FindingsController], providers: [IdempotentCommands] })
export class FindingsModule {}
