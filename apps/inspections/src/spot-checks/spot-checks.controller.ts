import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { type AuthUser, CurrentUser, Roles } from '@rectify/auth';
import { REQUEST_ID_HEADER } from '@rectify/http';
import { withFieldErrors } from '../shared/field-error';
import { DrawSpotCheckDto } from './commands/draw-spot-check/draw-spot-check.dto';
import { DrawSpotCheckHandler } from './commands/draw-spot-check/draw-spot-check.handler';
import { verifyDraw } from './domain/spot-check.decide';
import { SpotCheckError } from './domain/spot-check.errors';
import { SpotCheckRepository, spotCheckStreamId } from './spot-check-repository';

@Controller('api/inspections/spot-checks')
export class SpotChecksController {
  constructor(
    private readonly drawSpotCheck: DrawSpotCheckHandler,
    private readonly spotChecks: SpotCheckRepository,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('inspector', 'admin')
  draw(
    @Body() dto: DrawSpotCheckDto,
    @CurrentUser() user: AuthUser,
    @Headers(REQUEST_ID_HEADER) requestId?: string,
    @Headers('idempotency-key') key?: string,
  ) {
    return withFieldErrors(() => this.drawSpotCheck.execute(dto, user, requestId ?? randomUUID(), key));
  }

  @Get(':id')
  @Roles('inspector', 'admin', 'analyst')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    const { committed, drawn } = await this.spotChecks.load(id);
    if (!committed) throw SpotCheckError.notFound(id);
    return {
      id,
      seedHash: committed.data.seedHash,
      seedCommittedAt: committed.occurredAt.toISOString(),
      ...(drawn
        ? { seed: drawn.data.seed, algorithm: drawn.data.algorithm, population: drawn.data.population, weights: drawn.data.weights, sampleSize: drawn.data.sampleSize, selectedUnitIds: drawn.data.selectedUnitIds, drawnAt: drawn.occurredAt.toISOString() }
        : { selectedUnitIds: null }),
    };
  }

  /** Anyone with a login may check a draw: seed against its committed hash, re-run, and the stream's hash chain. */
  @Get(':id/verify')
  async verify(@Param('id', ParseUUIDPipe) id: string) {
    const { committed, drawn } = await this.spotChecks.load(id);
    if (!committed) throw SpotCheckError.notFound(id);
    if (!drawn) return { ok: false, selectedUnitIds: [], reason: 'the draw was never recorded' };
    const chain = await this.spotChecks.store.verify(spotCheckStreamId(id));
    const rerun = verifyDraw(committed.data.seedHash, drawn.data);
    if (!chain.ok) return { ok: false, selectedUnitIds: rerun.selectedUnitIds, reason: 'the stream hash chain is broken' };
    return rerun;
  }
}
