import { Controller, Get, Query } from '@nestjs/common';
import { type AuthUser, CurrentUser } from '@rectify/auth';
import { AnalyticsWindowQuery, resolveWindow } from '@rectify/http';
import { VisitAnalytics } from './visit-analytics.query';

/** GET /api/inspections/analytics?from&to: the inspections part of GET /api/analytics/overview. */
@Controller('api/inspections/analytics')
export class InspectionAnalyticsController {
  constructor(private readonly analytics: VisitAnalytics) {}

  @Get()
  get(@Query() query: AnalyticsWindowQuery, @CurrentUser() user: AuthUser) {
    return this.analytics.run(resolveWindow(query, new Date()), user);
  }
}
