import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { type AuthUser, CurrentUser, Roles, toActor } from '@rectify/auth';
import { REQUEST_ID_HEADER } from '@rectify/http';
import { canSeeCase } from './case-access';
import { CaseRepository } from './case-repository';
import { caseView } from './case.view';
import { OpenCaseCommand } from './commands/open-case/open-case.command';
import { OpenCaseDto } from './commands/open-case/open-case.dto';
import type { OpenedCase } from './commands/open-case/open-case.handler';
import { CaseError } from './domain/case.errors';
import { ListCasesQuery } from './queries/list-cases.dto';
import { ListCases } from './queries/list-cases.query';

@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly cases: CaseRepository,
    private readonly listCases: ListCases,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('inspector', 'admin')
  async open(@Body() dto: OpenCaseDto, @CurrentUser() user: AuthUser, @Headers(REQUEST_ID_HEADER) requestId?: string) {
    const opened: OpenedCase = await this.commands.execute(
      new OpenCaseCommand({ ...dto, source: { kind: dto.source.kind, ref: dto.source.ref ?? null } }, new Date(), {
        actor: toActor(user),
        correlationId: requestId ?? crypto.randomUUID(),
        causationId: null,
      }),
    );
    return { id: opened.id, version: opened.version };
  }

  @Get()
  list(@Query() query: ListCasesQuery, @CurrentUser() user: AuthUser) {
    return this.listCases.run(query, user);
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    const { state, version } = await this.cases.load(id);
    // A department asking for another unit's case learns nothing, not even that it exists.
    if (state.status === 'none' || !canSeeCase(user, state)) throw CaseError.notFound(id);
    res.setHeader('ETag', `"${version}"`);
    return caseView(state, version);
  }
}
