import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { type AuthUser, CurrentUser, Roles, toActor } from '@rectify/auth';
import { REQUEST_ID_HEADER } from '@rectify/http';
import { IdempotentCommands } from '../shared/idempotency';
import { parseIfMatch } from '../shared/if-match';
import { RecordResultDto } from './commands/record-result/record-result.dto';
import { RecordResultHandler } from './commands/record-result/record-result.handler';
import { ListReinspections, ListReinspectionsQuery } from './queries/list-reinspections.query';

/** Re-inspection tasks are commission work: departments never see them (unannounced by default). */
@Controller('api/inspections/reinspections')
export class ReinspectionsController {
  constructor(
    private readonly idempotent: IdempotentCommands,
    private readonly recordResult: RecordResultHandler,
    private readonly listReinspections: ListReinspections,
  ) {}

  @Get()
  @Roles('inspector', 'admin', 'analyst')
  list(@Query() query: ListReinspectionsQuery) {
    return this.listReinspections.run(query);
  }

  @Post(':id/result')
  @HttpCode(200)
  @Roles('inspector', 'admin')
  async result(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordResultDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') key?: string,
    @Headers(REQUEST_ID_HEADER) requestId?: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    const expectedVersion = parseIfMatch(ifMatch);
    const { body } = await this.idempotent.run(`POST /reinspections/${id}/result`, key, user.id, async (tx) => {
      const context = { actor: toActor(user), correlationId: requestId ?? randomUUID(), causationId: null, tx, expectedVersion };
      return { status: 200, body: await this.recordResult.execute(id, dto, user, context, new Date()) };
    });
    return body;
  }
}
