import { Client } from 'pg';
import { databaseUrl } from '../../../libs/test-kit/src/test-database';

export interface EffectCounts {
  /** Findings with no case, or whose case has no rectification notice. */
  lost: string[];
  /** Findings with more than one case, or whose case has more than one rectification notice. */
  duplicated: string[];
}

/** Counts, in rectification's and notifications' own databases, what each finding produced. */
export async function countEffects(databasePrefix: string, findingIds: string[]): Promise<EffectCounts> {
  const cases = await query<{ ref: string; case_ids: string[] }>(
    `${databasePrefix}_rectification`,
    `SELECT data->'source'->>'ref' AS ref, array_agg(data->>'caseId') AS case_ids FROM events
      WHERE type = 'CaseOpened' AND data->'source'->>'ref' = ANY($1) GROUP BY 1`,
    [findingIds],
  );
  const casesOf = new Map(cases.map((row) => [row.ref, row.case_ids]));
  const notices = await query<{ case_id: string; n: number }>(
    `${databasePrefix}_notifications`,
    `SELECT case_id::text, count(*)::int AS n FROM notices WHERE type = 'rectification_notice' AND case_id::text = ANY($1) GROUP BY 1`,
    [cases.flatMap((row) => row.case_ids)],
  );
  const noticesOf = new Map(notices.map((row) => [row.case_id, row.n]));
  const lost: string[] = [];
  const duplicated: string[] = [];
  for (const findingId of findingIds) {
    const caseIds = casesOf.get(findingId) ?? [];
    const noticeCounts = caseIds.map((caseId) => noticesOf.get(caseId) ?? 0);
    if (caseIds.length === 0 || noticeCounts.includes(0)) lost.push(findingId);
    else if (caseIds.length > 1 || noticeCounts.some((n) => n > 1)) duplicated.push(findingId);
  }
  return { lost, duplicated };
}

/** Rectification notices created since `since` (ms): how far the run has got. */
export async function noticesSince(databasePrefix: string, since: number): Promise<number> {
  const [row] = await query<{ n: number }>(
    `${databasePrefix}_notifications`,
    `SELECT count(*)::int AS n FROM notices WHERE type = 'rectification_notice' AND created_at >= $1`,
    [new Date(since)],
  );
  return row.n;
}

async function query<T extends object>(database: string, text: string, values: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
