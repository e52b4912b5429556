import { Body, Controller, Get, Header, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type AuthUser, CurrentUser, Roles } from '@rectify/auth';
import { type PassthroughResponse, REQUEST_ID_HEADER } from '@rectify/http';
import { ifMatchVersion, requestContext } from '../shared/request-context';
import { CampaignRepository } from './campaign-repository';
import { campaignView, resultsView } from './campaign.view';
import { CloseCampaignCommand } from './commands/close-campaign/close-campaign.command';
import type { ClosedCampaign } from './commands/close-campaign/close-campaign.handler';
import { IssueTokensCommand } from './commands/issue-tokens/issue-tokens.command';
import { IssueTokensDto, IssueTokensQuery } from './commands/issue-tokens/issue-tokens.dto';
import { OpenCampaignCommand } from './commands/open-campaign/open-campaign.command';
import { OpenCampaignDto } from './commands/open-campaign/open-campaign.dto';
import { CampaignError } from './domain/campaign.errors';
import { ListCampaigns, ListCampaignsQuery } from './queries/list-campaigns.query';

@Controller('api/evaluations/campaigns')
@Roles('inspector', 'admin')
export class CampaignsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly campaigns: CampaignRepository,
    private readonly listCampaigns: ListCampaigns,
  ) {}

  @Get()
  @Roles('inspector', 'admin', 'analyst')
  list(@Query() query: ListCampaignsQuery) {
    return this.listCampaigns.run(query);
  }

  @Post()
  @HttpCode(201)
  async open(@Body() dto: OpenCampaignDto, @CurrentUser() user: AuthUser, @Headers(REQUEST_ID_HEADER) requestId?: string) {
    const opened: { id: string; version: number } = await this.commands.execute(new OpenCampaignCommand(dto, new Date(), requestContext(user, requestId)));
    return opened;
  }

  @Get(':id')
  @Roles('inspector', 'admin', 'analyst')
  async get(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: PassthroughResponse) {
    const { state, version } = await this.campaigns.load(id);
    if (state.status === 'none') throw CampaignError.notFound(id);
    res.header('ETag', `"${version}"`);
    return campaignView(state, version);
  }

  /** The plain tokens are in this response only; the service keeps their hashes. */
  @Post(':id/tokens')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  async issueTokens(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: IssueTokensDto,
    @Query() query: IssueTokensQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: PassthroughResponse,
    @Headers(REQUEST_ID_HEADER) requestId?: string,
  ) {
    const tokens: string[] = await this.commands.execute(new IssueTokensCommand(id, dto.group, dto.count, new Date(), requestContext(user, requestId)));
    if (query.format === 'csv') {
      res.header('Content-Type', 'text/csv; charset=utf-8');
      res.header('Content-Disposition', `attachment; filename="ballot-tokens-${id}.csv"`);
      return ['token', ...tokens].join('\r\n') + '\r\n';
    }
    return { campaignId: id, group: dto.group, tokens };
  }

  @Post(':id/close')
  @HttpCode(200)
  async close(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Headers('if-match') ifMatch?: string,
    @Headers(REQUEST_ID_HEADER) requestId?: string,
  ) {
    const closed: ClosedCampaign = await this.commands.execute(
      new CloseCampaignCommand(id, new Date(), { ...requestContext(user, requestId), expectedVersion: ifMatchVersion(ifMatch) }),
    );
    return { id, version: closed.version, status: 'closed', ...resultsView(closed.state) };
  }

  @Get(':id/results')
  @Roles('inspector', 'admin', 'analyst')
  async results(@Param('id', ParseUUIDPipe) id: string) {
    const { state } = await this.campaigns.load(id);
    if (state.status === 'none') throw CampaignError.notFound(id);
    if (state.status !== 'closed') throw CampaignError.notClosed(id);
    return resultsView(state);
  }
}
