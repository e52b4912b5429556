import { Controller, Get, Headers, Query } from '@nestjs/common';
import { REQUEST_ID_HEADER } from '@rectify/http';
import { AnalyticsOverview } from './analytics-overview';
import { AnalyticsWindowQuery, resolveWindow } from '@rectify/http';

/**
 * Any signed-in user: inspectors, analysts and admins see every unit, a department its own unit
 * (each service scopes its part by the token's unitId).
 */
@Controller('api/analytics')
export class AnalyticsController {
  constructor(private readonly overview: AnalyticsOverview) {}

  @Get('overview')
  get(@Query() query: AnalyticsWindowQuery, @Headers('authorization') authorization: string, @Headers(REQUEST_ID_HEADER) requestId?: string) {
    return this.overview.run(resolveWindow(query, new Date()), { authorization, requestId });
  }
}
