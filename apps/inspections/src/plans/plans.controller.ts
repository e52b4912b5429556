import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type AuthUser, CurrentUser, Roles, toActor } from '@rectify/auth';
import { PageQuery, type PassthroughResponse, REQUEST_ID_HEADER } from '@rectify/http';
import { IsOptional, IsUUID } from 'class-validator';
import { withFieldErrors } from '../shared/field-error';
import { parseIfMatch } from '../shared/if-match';
import { IdempotentCommands } from '../shared/idempotency';
import { PlanInspectionCommand } from './commands/plan-inspection/plan-inspection.command';
import { PlanInspectionDto } from './commands/plan-inspection/plan-inspection.dto';
import { RecordVisitCommand, type RecordedVisit } from './commands/record-visit/record-visit.command';
import { RecordVisitDto } from './commands/record-visit/record-visit.dto';
import { viewOf } from './domain/plan-access';
import { isSealed } from './domain/plan.state';
import { PlanRepository } from './plan-repository';
import { ListPlans, ListPlansQuery } from './queries/list-plans.query';
import { SealedPlanReads } from './sealed-plan-reads';

class SealedReadsQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  planId?: string;
}

const notFound = (id: string) => new NotFoundException(`plan ${id} does not exist`);

@Controller('api/inspections')
export class PlansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly idempotent: IdempotentCommands,
    private readonly plans: PlanRepository,
    private readonly listPlans: ListPlans,
    private readonly reads: SealedPlanReads,
  ) {}

  @Post('plans')
  @HttpCode(201)
  @Roles('inspector', 'admin')
  async plan(
    @Body() dto: PlanInspectionDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') key?: string,
    @Headers(REQUEST_ID_HEADER) requestId?: string,
  ) {
    const { body } = await withFieldErrors(() =>
      this.idempotent.run('POST /plans', key, user.id, async (tx) => {
        const context = { actor: toActor(user), correlationId: requestId ?? randomUUID(), causationId: null, tx };
        const created = await this.commands.execute<PlanInspectionCommand, { id: string }>(new PlanInspectionCommand(randomUUID(), dto, new Date(), context));
        return { status: 201, body: created };
      }),
    );
    return body;
  }

  @Get('plans')
  @Roles('admin', 'inspector', 'analyst', 'department')
  async list(@Query() query: ListPlansQuery, @CurrentUser() user: AuthUser) {
    const page = await this.listPlans.run(query, user);
    await this.reads.record(page.items.filter((p) => p.sealed).map((p) => p.id), user, 'GET /api/inspections/plans');
    return page;
  }

  @Get('plans/:id')
  @Roles('admin', 'inspector', 'analyst', 'department')
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: PassthroughResponse) {
    const { state, version } = await this.plans.load(id);
    if (state.status === 'none') throw notFound(id);
    const view = viewOf(state, user);
    if (!view) throw notFound(id);
    if (isSealed(state)) await this.reads.record([id], user, 'GET /api/inspections/plans/:id');
    res.header('ETag', `"${version}"`);
    return { ...view, version };
  }

  @Post('plans/:id/visits')
  @HttpCode(201)
  @Roles('inspector', 'admin')
  async visit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordVisitDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') key?: string,
    @Headers(REQUEST_ID_HEADER) requestId?: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    const expectedVersion = parseIfMatch(ifMatch);
    const { body } = await withFieldErrors(() =>
      this.idempotent.run(`POST /plans/${id}/visits`, key, user.id, async (tx) => {
        const context = { actor: toActor(user), correlationId: requestId ?? randomUUID(), causationId: null, tx, expectedVersion };
        const visit = await this.commands.execute<RecordVisitCommand, RecordedVisit>(new RecordVisitCommand(id, dto, user.id, new Date(), context));
        return { status: 201, body: visit };
      }),
    );
    return body;
  }

  @Get('sealed-plan-reads')
  @Roles('admin')
  sealedReads(@Query() query: SealedReadsQuery) {
    return this.reads.list(query);
  }
}
