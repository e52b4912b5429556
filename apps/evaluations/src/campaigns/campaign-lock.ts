import type { PoolClient } from 'pg';

/**
 * Ballots take the campaign's lock shared, closing takes it exclusively: a ballot either
 * commits before the tallies are read or finds the campaign closed — never lost in between.
 */
export async function lockCampaign(tx: PoolClient, campaignId: string, mode: 'shared' | 'exclusive'): Promise<void> {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await tx.query(`SELECT ${fn}(hashtextextended($1, 0))`, [`campaign:${campaignId}`]);
}
