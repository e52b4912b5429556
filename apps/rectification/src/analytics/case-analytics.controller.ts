import { Controller, Get, Query } from '@nestjs/common';
import { type AuthUser, CurrentUser } from '@rectify/auth';
import { AnalyticsWindowQuery, resolveWindow } from '@rectify/http';
import { CaseAnalytics } from './case-analytics.query';

/**
 * GET /api/cases/analytics?from&to: the cases part of GET /api/analytics/overview (the gateway
 * merges it). Any signed-in user; departments get their own unit's figures.
 */
@Controller('api/cases/analytics')
export class CaseAnalyticsController {
  constructor(private readonly analytics: CaseAnalytics) {}

  @Get()
  get(@Query() query: AnalyticsWindowQuery, @CurrentUser() user: AuthUser) {
    return this.analytics.run(resolveWindow(query, new Date()), user);
  }
}
