import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type AuthUser, toActor } from '@rectify/auth';
import { PG_POOL } from '@rectify/database';
import { withTransaction } from '@rectify/event-store';
import type { Pool } from 'pg';
import { KnownUnits } from '../../../units/known-units';
import { IdempotentCommands } from '../../../shared/idempotency';
import { toNewEvents } from '../../../shared/to-new-events';
import { commitSeed, draw } from '../../domain/spot-check.decide';
import { SpotCheckError } from '../../domain/spot-check.errors';
import { SpotCheckRepository, spotCheckStreamId } from '../../spot-check-repository';
import type { DrawSpotCheckDto } from './draw-spot-check.dto';

export interface DrawnSpotCheck {
  id: string;
  seedHash: string;
  /** null only in the stored answer of a draw whose seed is committed but whose draw is not yet recorded. */
  selectedUnitIds: string[] | null;
}

const IDEMPOTENCY_SCOPE = 'POST /spot-checks';

/**
 * Two transactions on purpose: the seed's hash is committed (durable, published) before the
 * draw is computed and recorded, so the seed cannot be chosen after seeing a selection.
 */
@Injectable()
export class DrawSpotCheckHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly units: KnownUnits,
    private readonly spotChecks: SpotCheckRepository,
    private readonly idempotent: IdempotentCommands,
  ) {}

  async execute(dto: DrawSpotCheckDto, user: AuthUser, correlationId: string, idempotencyKey?: string): Promise<DrawnSpotCheck> {
    const population = await this.units.matching(dto.population);
    const known = new Set(population);
    const missing = dto.population.unitIds?.find((id) => !known.has(id));
    if (missing) throw SpotCheckError.unknownUnit(missing);
    const weights = await this.weightsFor(population, dto);
    const command = { spotCheckId: randomUUID(), seed: dto.seed ?? randomBytes(32).toString('hex'), population, weights, sampleSize: dto.sampleSize };
    const streamId = spotCheckStreamId(command.spotCheckId);
    const now = () => new Date();
    const context = { actor: toActor(user), correlationId, causationId: null };

    const committed = commitSeed(command);
    const pending: DrawnSpotCheck = { id: command.spotCheckId, seedHash: committed.data.seedHash, selectedUnitIds: null };
    const first = await this.idempotent.run(IDEMPOTENCY_SCOPE, idempotencyKey, user.id, async (tx) => {
      await this.spotChecks.store.append(streamId, toNewEvents([committed], { ...context, tx }, now()), 0, tx);
      return { status: 201, body: pending };
    });
    // A retry: the stored answer, or a refusal while the first attempt's draw is not recorded (running, or died between its transactions).
    if (first.body.id !== command.spotCheckId) {
      if (first.body.selectedUnitIds === null) throw SpotCheckError.drawPending(first.body.id);
      return first.body;
    }
    const drawn = draw(command, committed.data.seedHash);
    const result: DrawnSpotCheck = { ...pending, selectedUnitIds: drawn.data.selectedUnitIds };
    await withTransaction(this.pool, async (tx) => {
      await this.spotChecks.store.append(streamId, toNewEvents([drawn], { ...context, tx }, now()), 1, tx);
      await this.idempotent.complete(IDEMPOTENCY_SCOPE, idempotencyKey, user.id, { status: 201, body: result }, tx);
    });
    return result;
  }

  private async weightsFor(population: string[], dto: DrawSpotCheckDto): Promise<Record<string, number>> {
    const byUnit = dto.weights?.byUnit ?? {};
    for (const [unitId, weight] of Object.entries(byUnit)) {
      if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
        throw new SpotCheckError('SPOT_CHECK.INVALID_WEIGHT', 400, 'weights must be positive numbers', `weights.byUnit.${unitId}`);
      }
    }
    const risk = new Map<string, number>();
    if (dto.weights?.risk === 'cases_opened') {
      const { rows } = await this.pool.query<{ unit_id: string; cases_opened: number }>('SELECT unit_id, cases_opened FROM unit_risk WHERE unit_id = ANY($1)', [population]);
      for (const row of rows) risk.set(row.unit_id, row.cases_opened);
    }
    return Object.fromEntries(population.map((id) => [id, (byUnit[id] ?? 1) * (1 + (risk.get(id) ?? 0))]));
  }
}
