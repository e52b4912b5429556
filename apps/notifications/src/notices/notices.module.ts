import { Module } from '@nestjs/common';
import { CaseNoticesHandler } from './case-notices.handler';
import { NoticesController } from './notices.controller';

@Module({ controllers: [NoticesController], providers: [CaseNoticesHandler] })
export class NoticesModule {}
