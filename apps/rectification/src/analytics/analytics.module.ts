import { Module } from '@nestjs/common';
import { CaseAnalyticsController } from './case-analytics.controller';
import { CaseAnalytics } from './case-analytics.query';

/** Imported before CasesModule: its literal `analytics` path must win over `GET /api/cases/:id`. */
@Module({ controllers: [CaseAnalyticsController], providers: [CaseAnalytics] })
export class AnalyticsModule {}
