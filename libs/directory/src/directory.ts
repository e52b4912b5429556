import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DEFAULT_THRESHOLDS, defaultSeverity, SEVERITY_DAYS, type Severity, type TaxonomyCode } from '@rectify/contracts';
import { PG_POOL } from '@rectify/database';
import type { Queryable } from '@rectify/event-store';

export interface DirectoryUnit {
  id: string;
  name: string;
  parentId: string | null;
}

export interface TaxonomyLimit {
  severity: Severity;
  days: number;
}

export interface ThresholdDefaults {
  unsatisfiedAbove: number;
  satisfiedBelow: number;
  minBallots: number;
}


/**
 * The directory as this service knows it (its copy, fed by `gateway.events`). Units are never
 * deleted, so a unit once seen is remembered in memory; everything else is read per call.
 */
// Time limits change rarely and reach the copy over Kafka anyway: a second's staleness is nothing.
const TAXONOMY_CACHE_MS = 1000;

@Injectable()
export class Directory {
  private readonly seen = new Set<string>();
  private taxonomyCache: { at: number; limits: Map<TaxonomyCode, TaxonomyLimit> } | null = null;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async hasUnit(id: string, db: Queryable = this.pool): Promise<boolean> {
    if (this.seen.has(id)) return true;
    const { rowCount } = await db.query('SELECT 1 FROM directory_units WHERE id = $1', [id]);
    if (rowCount) this.seen.add(id);
    return Boolean(rowCount);
  }

  async unit(id: string, db: Queryable = this.pool): Promise<DirectoryUnit | null> {
    const { rows } = await db.query<DirectoryUnit>('SELECT id, name, parent_id AS "parentId" FROM directory_units WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  /** The unit an escalation goes up to; null for a top-level or unknown unit. */
  async superiorOf(id: string, db: Queryable = this.pool): Promise<string | null> {
    return (await this.unit(id, db))?.parentId ?? null;
  }

  async units(db: Queryable = this.pool): Promise<DirectoryUnit[]> {
    const { rows } = await db.query<DirectoryUnit>('SELECT id, name, parent_id AS "parentId" FROM directory_units ORDER BY id');
    return rows;
  }

  /** Units with their depth in the hierarchy (0 for top-level units). */
  async unitsWithLevel(db: Queryable = this.pool): Promise<Array<DirectoryUnit & { level: number }>> {
    const { rows } = await db.query<DirectoryUnit & { level: number }>(`
      WITH RECURSIVE tree AS (
        SELECT id, name, parent_id, 0 AS level FROM directory_units
         WHERE parent_id IS NULL OR parent_id NOT IN (SELECT id FROM directory_units)
        UNION ALL
        SELECT u.id, u.name, u.parent_id, t.level + 1 FROM directory_units u JOIN tree t ON u.parent_id = t.id
         WHERE t.level < 32)
      SELECT id, name, parent_id AS "parentId", level FROM tree ORDER BY id`);
    return rows;
  }

  /** The admin's severity and time limit for a code, or the taxonomy's defaults (DESIGN §3.1). */
  async taxonomyLimit(code: TaxonomyCode, db: Queryable = this.pool): Promise<TaxonomyLimit> {
    const now = Date.now();
    if (!this.taxonomyCache || now - this.taxonomyCache.at > TAXONOMY_CACHE_MS) {
      const { rows } = await db.query<TaxonomyLimit & { code: TaxonomyCode }>('SELECT code, severity, days FROM directory_taxonomy');
      this.taxonomyCache = { at: now, limits: new Map(rows.map(({ code: c, severity, days }) => [c, { severity, days }])) };
    }
    const set = this.taxonomyCache.limits.get(code);
    if (set) return set;
    const severity = defaultSeverity(code);
    return { severity, days: SEVERITY_DAYS[severity] };
  }

  /** Days to rectify a case of this category and severity: the category's limit if the severity is its own. */
  async timeLimitDays(code: TaxonomyCode, severity: Severity, db: Queryable = this.pool): Promise<number> {
    const limit = await this.taxonomyLimit(code, db);
    return limit.severity === severity ? limit.days : SEVERITY_DAYS[severity];
  }

  async thresholdDefaults(db: Queryable = this.pool): Promise<ThresholdDefaults> {
    const { rows } = await db.query<ThresholdDefaults>(
      'SELECT unsatisfied_above AS "unsatisfiedAbove", satisfied_below AS "satisfiedBelow", min_ballots AS "minBallots" FROM directory_thresholds',
    );
    return rows[0] ?? { ...DEFAULT_THRESHOLDS };
  }
}
