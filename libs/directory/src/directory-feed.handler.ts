import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import {
  type IntegrationEnvelope,
  TaxonomyLimitSetV1,
  ThresholdDefaultsSetV1,
  UnitRegisteredV1,
  UnitUpdatedV1,
} from '@rectify/contracts';
import { HandlesEvent } from '@rectify/messaging';

/**
 * Keeps this service's copy of the directory. Each upsert applies only a newer stream version
 * than the row holds: a redelivery, or an older event arriving late, changes nothing.
 */
@Injectable()
export class DirectoryFeedHandler {
  @HandlesEvent('gateway', 'UnitRegistered', UnitRegisteredV1)
  @HandlesEvent('gateway', 'UnitUpdated', UnitUpdatedV1)
  async onUnit(event: IntegrationEnvelope<UnitRegisteredV1>, tx: PoolClient): Promise<void> {
    const { unitId, name, parentId } = event.data;
    await tx.query(
      `INSERT INTO directory_units (id, name, parent_id, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, parent_id = EXCLUDED.parent_id, version = EXCLUDED.version, updated_at = now()
       WHERE directory_units.version < EXCLUDED.version`,
      [unitId, name, parentId ?? null, event.streamVersion],
    );
  }

  @HandlesEvent('gateway', 'TaxonomyLimitSet', TaxonomyLimitSetV1)
  async onTaxonomyLimit(event: IntegrationEnvelope<TaxonomyLimitSetV1>, tx: PoolClient): Promise<void> {
    const { code, severity, days } = event.data;
    await tx.query(
      `INSERT INTO directory_taxonomy (code, severity, days, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET severity = EXCLUDED.severity, days = EXCLUDED.days, version = EXCLUDED.version
       WHERE directory_taxonomy.version < EXCLUDED.version`,
      [code, severity, days, event.streamVersion],
    );
  }

  @HandlesEvent('gateway', 'ThresholdDefaultsSet', ThresholdDefaultsSetV1)
  async onThresholds(event: IntegrationEnvelope<ThresholdDefaultsSetV1>, tx: PoolClient): Promise<void> {
    const { unsatisfiedAbove, satisfiedBelow, minBallots } = event.data;
    await tx.query(
      `INSERT INTO directory_thresholds (unsatisfied_above, satisfied_below, min_ballots, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET unsatisfied_above = EXCLUDED.unsatisfied_above, satisfied_below = EXCLUDED.satisfied_below,
         min_ballots = EXCLUDED.min_ballots, version = EXCLUDED.version
       WHERE directory_thresholds.version < EXCLUDED.version`,
      [unsatisfiedAbove, satisfiedBelow, minBallots, event.streamVersion],
    );
  }
}
