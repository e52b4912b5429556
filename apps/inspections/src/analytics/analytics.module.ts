import { Module } from '@nestjs/common';
import { InspectionAnalyticsProjections } from './analytics-projections';
import { InspectionAnalyticsController } from './inspection-analytics.controller';
import { VisitAnalytics } from './visit-analytics.query';

@Module({
  controllers: [InspectionAnalyticsController],
  providers: [VisitAnalytics, InspectionAnalyticsProjections],
  exports: [InspectionAnalyticsProjections],
})
export class AnalyticsModule {}
