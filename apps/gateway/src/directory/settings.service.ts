import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '@rectify/auth';
import { DEFAULT_THRESHOLDS, SEVERITY_DAYS, type Severity, TAXONOMY, type TaxonomyCode } from '@rectify/contracts';
import { PG_POOL } from '@rectify/database';
import { withTransaction } from '@rectify/event-store';
import type { Pool } from 'pg';
import { DirectoryLog, TAXONOMY_STREAM_PREFIX, THRESHOLDS_STREAM } from './directory-log';

export interface TaxonomyItem {
  code: TaxonomyCode;
  label: string;
  severity: Severity;
  days: number;
}

export interface Thresholds {
  unsatisfiedAbove: number;
  satisfiedBelow: number;
  minBallots: number;
}


/** The taxonomy's severities and time limits, and the default thresholds, as the admin set them. */
@Injectable()
export class SettingsService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly log: DirectoryLog,
  ) {}

  async taxonomy(): Promise<TaxonomyItem[]> {
    const { rows } = await this.pool.query<{ code: TaxonomyCode; severity: Severity; days: number }>('SELECT code, severity, days FROM taxonomy_settings');
    const set = new Map(rows.map((r) => [r.code, r]));
    return TAXONOMY.map(({ code, label, severity }) => {
      const chosen = set.get(code);
      return chosen ? { code, label, severity: chosen.severity, days: chosen.days } : { code, label, severity, days: SEVERITY_DAYS[severity] };
    });
  }

  async setTaxonomy(code: TaxonomyCode, limit: { severity: Severity; days: number }, by: AuthUser): Promise<TaxonomyItem> {
    await withTransaction(this.pool, async (tx) => {
      await tx.query(
        `INSERT INTO taxonomy_settings (code, severity, days) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET severity = EXCLUDED.severity, days = EXCLUDED.days, updated_at = now()`,
        [code, limit.severity, limit.days],
      );
      await this.log.record(tx, `${TAXONOMY_STREAM_PREFIX}${code}`, 'TaxonomyLimitSet', { code, severity: limit.severity, days: limit.days }, by);
    });
    return (await this.taxonomy()).find((t) => t.code === code) as TaxonomyItem;
  }

  async thresholds(): Promise<Thresholds> {
    const { rows } = await this.pool.query<Thresholds>(
      'SELECT unsatisfied_above AS "unsatisfiedAbove", satisfied_below AS "satisfiedBelow", min_ballots AS "minBallots" FROM threshold_settings',
    );
    return rows[0] ?? { ...DEFAULT_THRESHOLDS };
  }

  async setThresholds(thresholds: Thresholds, by: AuthUser): Promise<Thresholds> {
    await withTransaction(this.pool, async (tx) => {
      await tx.query(
        `INSERT INTO threshold_settings (unsatisfied_above, satisfied_below, min_ballots) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET unsatisfied_above = EXCLUDED.unsatisfied_above, satisfied_below = EXCLUDED.satisfied_below,
           min_ballots = EXCLUDED.min_ballots, updated_at = now()`,
        [thresholds.unsatisfiedAbove, thresholds.satisfiedBelow, thresholds.minBallots],
      );
      await this.log.record(tx, THRESHOLDS_STREAM, 'ThresholdDefaultsSet', { ...thresholds }, by);
    });
    return thresholds;
  }
}
