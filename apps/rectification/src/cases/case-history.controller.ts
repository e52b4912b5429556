import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { type AuthUser, CurrentUser } from '@rectify/auth';
import { PgEventStore } from '@rectify/event-store';
import type { PassthroughResponse } from '@rectify/http';
import { canSeeCase } from './case-access';
import { CaseRepository } from './case-repository';
import { caseStreamId } from './case-stream';
import { caseView } from './case.view';
import { CaseError } from './domain/case.errors';
import type { OpenedCase } from './domain/case.state';
import { CaseStateQuery } from './queries/case-state.dto';
import { CaseTimeline } from './queries/case-timeline.query';
import { crossCheck } from './queries/cross-check';

/** DESIGN §3.6: timeline, time travel, cross-check and integrity of one case. */
@Controller('api/cases')
export class CaseHistoryController {
  constructor(
    private readonly cases: CaseRepository,
    private readonly timeline: CaseTimeline,
    private readonly store: PgEventStore,
  ) {}

  @Get(':id/timeline')
  async getTimeline(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    await this.visible(id, user);
    return { caseId: id, events: await this.timeline.run(id) };
  }

  @Get(':id/state')
  async getState(@Param('id', ParseUUIDPipe) id: string, @Query() query: CaseStateQuery, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: PassthroughResponse) {
    if (query.version !== undefined && query.asOf !== undefined) throw new CaseError('CASE.BAD_TIME_TRAVEL', 400, 'give either version or asOf, not both');
    await this.visible(id, user);
    const { state, version } = await this.cases.load(id, { toVersion: query.version, asOf: query.asOf ? new Date(query.asOf) : undefined });
    if (state.status === 'none' || (query.version !== undefined && version < query.version)) {
      throw new CaseError('CASE.NOT_FOUND', 404, `case ${id} did not exist at that ${query.asOf ? 'instant' : 'version'}`);
    }
    res.header('ETag', `"${version}"`);
    return caseView(state, version);
  }

  @Get(':id/cross-check')
  async getCrossCheck(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    const state = await this.visible(id, user);
    return { caseId: id, ...crossCheck(state, await this.timeline.run(id)) };
  }

  @Get(':id/integrity')
  async getIntegrity(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    await this.visible(id, user);
    return this.store.verify(caseStreamId(id));
  }

  private async visible(id: string, user: AuthUser): Promise<OpenedCase> {
    const { state } = await this.cases.load(id);
    if (state.status === 'none' || !canSeeCase(user, state)) throw CaseError.notFound(id);
    return state;
  }
}
