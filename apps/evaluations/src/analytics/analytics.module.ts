import { Module } from '@nestjs/common';
import { EvaluationAnalyticsProjections } from './analytics-projections';
import { EvaluationAnalyticsController } from './evaluation-analytics.controller';
import { SatisfactionAnalytics } from './satisfaction-analytics.query';

@Module({
  controllers: [EvaluationAnalyticsController],
  providers: [SatisfactionAnalytics, EvaluationAnalyticsProjections],
  exports: [EvaluationAnalyticsProjections],
})
export class AnalyticsModule {}
