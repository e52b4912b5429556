import type { PoolClient } from 'pg';
import type { TargetKind } from '@rectify/contracts';

export interface BreachCase {
  caseId: string;
  campaignId: string;
  targetKind: TargetKind;
  targetId: string;
}

/** A breach case's source reference is the breach itself: `<campaignId>:<unit|cadre>:<targetId>`. */
const BREACH_REF = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(unit|cadre):(.+)$/i;

export function parseBreachRef(caseId: string, ref: string): BreachCase | undefined {
  const match = BREACH_REF.exec(ref);
  if (!match) return undefined;
  return { caseId, campaignId: match[1].toLowerCase(), targetKind: match[2] as TargetKind, targetId: match[3] };
}

export async function recordBreachCase(tx: PoolClient, breach: BreachCase): Promise<void> {
  await tx.query(
    'INSERT INTO breach_cases (case_id, campaign_id, target_kind, target_id) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id) DO NOTHING',
    [breach.caseId, breach.campaignId, breach.targetKind, breach.targetId],
  );
}

export async function findBreachCase(tx: PoolClient, caseId: string): Promise<BreachCase | undefined> {
  const { rows } = await tx.query<{ campaign_id: string; target_kind: TargetKind; target_id: string }>(
    'SELECT campaign_id, target_kind, target_id FROM breach_cases WHERE case_id = $1',
    [caseId],
  );
  return rows[0] && { caseId, campaignId: rows[0].campaign_id, targetKind: rows[0].target_kind, targetId: rows[0].target_id };
}
