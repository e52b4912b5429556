import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type AuthUser, CurrentUser, Roles, toActor } from '@rectify/auth';
import { Directory } from '@rectify/directory';
import { type PassthroughResponse, REQUEST_ID_HEADER } from '@rectify/http';
import { canSeeCase, mayActOn } from './case-access';
import { CaseRepository } from './case-repository';
import { caseView } from './case.view';
import { AcknowledgeCaseCommand } from './commands/acknowledge-case/acknowledge-case.command';
import { AcknowledgeCaseDto } from './commands/acknowledge-case/acknowledge-case.dto';
import { AssignCaseCommand } from './commands/assign-case/assign-case.command';
import { AssignCaseDto } from './commands/assign-case/assign-case.dto';
import type { CaseCommandMessage, CaseCommandResult } from './commands/case-command';
import { CloseCaseCommand } from './commands/close-case/close-case.command';
import { CloseCaseDto } from './commands/close-case/close-case.dto';
import { DismissCaseCommand } from './commands/dismiss-case/dismiss-case.command';
import { DismissCaseDto } from './commands/dismiss-case/dismiss-case.dto';
import { ExtendDeadlineCommand } from './commands/extend-deadline/extend-deadline.command';
import { ExtendDeadlineDto } from './commands/extend-deadline/extend-deadline.dto';
import { MergeCaseCommand } from './commands/merge-case/merge-case.command';
import { MergeCaseDto } from './commands/merge-case/merge-case.dto';
import { OpenCaseCommand } from './commands/open-case/open-case.command';
import { OpenCaseDto } from './commands/open-case/open-case.dto';
import type { OpenedCase } from './commands/open-case/open-case.handler';
import { PublishBulletinCommand } from './commands/publish-bulletin/publish-bulletin.command';
import { PublishBulletinDto } from './commands/publish-bulletin/publish-bulletin.dto';
import { RecordAccountabilityCommand } from './commands/record-accountability/record-accountability.command';
import { RecordAccountabilityDto } from './commands/record-accountability/record-accountability.dto';
import { ReopenCaseCommand } from './commands/reopen-case/reopen-case.command';
import { ReopenCaseDto } from './commands/reopen-case/reopen-case.dto';
import { ReportProgressCommand } from './commands/report-progress/report-progress.command';
import { ReportProgressDto } from './commands/report-progress/report-progress.dto';
import { ReportRectifiedCommand } from './commands/report-rectified/report-rectified.command';
import { ReportRectifiedDto } from './commands/report-rectified/report-rectified.dto';
import { SubmitMeasuresCommand } from './commands/submit-measures/submit-measures.command';
import { SubmitMeasuresDto } from './commands/submit-measures/submit-measures.dto';
import { VerifyCaseCommand } from './commands/verify-case/verify-case.command';
import { VerifyCaseDto } from './commands/verify-case/verify-case.dto';
import { CaseError } from './domain/case.errors';
import { parseIfMatch } from './if-match';
import { ListCasesQuery } from './queries/list-cases.dto';
import { ListCases } from './queries/list-cases.query';

type Message<I> = new (caseId: string, input: I, now: Date, context: CaseCommandMessage<I>['context']) => CaseCommandMessage<I>;

/**
 * Cases over HTTP. Commands take the server clock at the edge (`new Date()` here, never in the
 * domain); tests drive time through the deadline watcher's tick and explicit deadlines.
 * Analysts hold no command role, so every command answers them 403.
 */
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly cases: CaseRepository,
    private readonly listCases: ListCases,
    private readonly directory: Directory,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('inspector', 'admin')
  async open(@Body() dto: OpenCaseDto, @CurrentUser() user: AuthUser, @Headers(REQUEST_ID_HEADER) requestId?: string) {
    // Units known from the gateway's directory feed (units are never deleted, so this is cached).
    if (!(await this.directory.hasUnit(dto.unitId))) throw CaseError.unknownUnit('unitId', dto.unitId);
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
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: PassthroughResponse) {
    const { state, version } = await this.cases.load(id);
    // A department asking for another unit's case learns nothing, not even that it exists.
    if (state.status === 'none' || !canSeeCase(user, state)) throw CaseError.notFound(id);
    res.header('ETag', `"${version}"`);
    return caseView(state, version);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('inspector', 'admin')
  assign(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignCaseDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(AssignCaseCommand, id, dto, user, headers);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('department', 'inspector', 'admin')
  acknowledge(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AcknowledgeCaseDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(AcknowledgeCaseCommand, id, dto, user, headers);
  }

  @Post(':id/measures')
  @HttpCode(200)
  @Roles('department', 'inspector', 'admin')
  measures(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitMeasuresDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(SubmitMeasuresCommand, id, dto, user, headers);
  }

  @Post(':id/progress')
  @HttpCode(200)
  @Roles('department', 'inspector', 'admin')
  progress(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReportProgressDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(ReportProgressCommand, id, dto, user, headers);
  }

  @Post(':id/report-rectified')
  @HttpCode(200)
  @Roles('department', 'inspector', 'admin')
  reportRectified(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReportRectifiedDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(ReportRectifiedCommand, id, dto, user, headers);
  }

  /** Departments may call it but the domain refuses a verifier from the case's own unit (403). */
  @Post(':id/verify')
  @HttpCode(200)
  @Roles('department', 'inspector', 'admin')
  verify(@Param('id', ParseUUIDPipe) id: string, @Body() dto: VerifyCaseDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(VerifyCaseCommand, id, dto, user, headers);
  }

  @Post(':id/extend-deadline')
  @HttpCode(200)
  @Roles('inspector', 'admin')
  extendDeadline(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ExtendDeadlineDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(ExtendDeadlineCommand, id, dto, user, headers);
  }

  @Post(':id/accountability')
  @HttpCode(200)
  @Roles('inspector', 'admin')
  accountability(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordAccountabilityDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(RecordAccountabilityCommand, id, dto, user, headers);
  }

  /** A typical case made public: notifications sends the bulletin to every unit. */
  @Post(':id/bulletin')
  @HttpCode(200)
  @Roles('inspector', 'admin')
  bulletin(@Param('id', ParseUUIDPipe) id: string, @Body() dto: PublishBulletinDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(PublishBulletinCommand, id, dto, user, headers);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('inspector', 'admin')
  close(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CloseCaseDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(CloseCaseCommand, id, dto, user, headers);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('inspector', 'admin')
  reopen(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReopenCaseDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(ReopenCaseCommand, id, dto, user, headers);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @Roles('inspector', 'admin')
  dismiss(@Param('id', ParseUUIDPipe) id: string, @Body() dto: DismissCaseDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(DismissCaseCommand, id, dto, user, headers);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles('inspector', 'admin')
  merge(@Param('id', ParseUUIDPipe) id: string, @Body() dto: MergeCaseDto, @CurrentUser() user: AuthUser, @Headers() headers: Record<string, string>) {
    return this.run(MergeCaseCommand, id, dto, user, headers);
  }

  private run<I>(Command: Message<I>, caseId: string, input: I, user: AuthUser, headers: Record<string, string>): Promise<CaseCommandResult> {
    return this.commands.execute(
      new Command(caseId, input, new Date(), {
        actor: toActor(user),
        correlationId: headers[REQUEST_ID_HEADER] ?? crypto.randomUUID(),
        causationId: null,
        expectedVersion: parseIfMatch(headers['if-match']),
        authorize: mayActOn(user, caseId),
      }),
    );
  }
}
