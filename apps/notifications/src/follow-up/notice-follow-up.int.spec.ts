import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import type { CaseAssignedV1, IntegrationEnvelope } from '@rectify/contracts';
import { Directory, DirectoryMigrations } from '@rectify/directory';
import { migrateEventStore, PgEventStore, withTransaction } from '@rectify/event-store';
import { freshTestDatabase } from '@rectify/test-kit';
import { NOTIFICATIONS_MIGRATIONS } from '../migrations';
import { CaseNoticesHandler, COMMISSION } from '../notices/case-notices.handler';
import { followUpUnacknowledged } from './notice-follow-up';

const HOUR = 3_600_000;

describe('unacknowledged rectification notices on a driven clock (real PostgreSQL)', () => {
  let pool: Pool;
  let store: PgEventStore;
  let directory: Directory;
  const t0 = new Date('2026-03-01T08:00:00.000Z');
  const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

  beforeAll(async () => {
    ({ pool } = await freshTestDatabase('rectify_test_notifications_follow_up'));
    await migrateEventStore(pool);
    const runner = { query: (sql: string) => pool.query(sql) } as unknown as QueryRunner;
    for (const Migration of [...DirectoryMigrations, ...NOTIFICATIONS_MIGRATIONS]) await new Migration().up(runner);
    store = new PgEventStore(pool);
    directory = new Directory(pool);
    await pool.query(`INSERT INTO directory_units (id, name, parent_id, version) VALUES ('county', 'County', NULL, 1), ('unit-a', 'Transport', 'county', 1)`);
    await pool.query(`INSERT INTO unit_channels (unit_id, webhook_url, webhook_secret) VALUES ('unit-a', 'http://127.0.0.1:9/hook', 'secret-secret-secret')`);
  });
  afterAll(() => pool.end());

  const assign = async (caseId: string) => {
    const event: IntegrationEnvelope<CaseAssignedV1> = {
      eventId: randomUUID(), type: 'CaseAssigned', schemaVersion: 1, streamId: `case-${caseId}`, streamVersion: 2, position: '2',
      occurredAt: t0.toISOString(), recordedAt: t0.toISOString(), correlationId: randomUUID(), causationId: null,
      actor: { id: 'system:rectification', role: 'system', unitId: null },
      data: { caseId, responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang', deadline: at(30 * 24).toISOString() },
    };
    await withTransaction(pool, (tx) => new CaseNoticesHandler(store, directory).onCaseAssigned(event, tx));
    // Back-date the notice to the driven clock, and pretend its first delivery went out.
    await pool.query(`UPDATE notices SET created_at = $2 WHERE case_id = $1`, [caseId, t0]);
    await pool.query(`UPDATE deliveries SET status = 'delivered', attempts = 1 WHERE notice_id IN (SELECT id FROM notices WHERE case_id = $1)`, [caseId]);
  };

  it('re-sends after the configured time, escalates to the superior unit and the commission after twice that, once each, and leaves acknowledged notices alone', async () => {
    const silent = randomUUID();
    const answered = randomUUID();
    await assign(silent);
    await assign(answered);
    await pool.query(`UPDATE notices SET acknowledged_at = $2 WHERE case_id = $1`, [answered, at(1)]);
    const run = (hours: number) => followUpUnacknowledged(pool, store, directory, at(hours), 48 * HOUR);

    expect(await run(47)).toEqual({ resent: 0, escalated: 0 });
    expect(await run(49)).toEqual({ resent: 1, escalated: 0 });
    const { rows: deliveries } = await pool.query(`SELECT status, attempts FROM deliveries WHERE notice_id IN (SELECT id FROM notices WHERE case_id = $1)`, [silent]);
    expect(deliveries).toEqual([{ status: 'pending', attempts: 0 }]);
    expect(await run(60)).toEqual({ resent: 0, escalated: 0 });
    expect(await run(97)).toEqual({ resent: 0, escalated: 1 });
    expect(await run(120)).toEqual({ resent: 0, escalated: 0 });

    const { rows: escalations } = await pool.query(`SELECT unit_id, case_id FROM notices WHERE type = 'escalation' ORDER BY unit_id`);
    expect(escalations).toEqual([{ unit_id: COMMISSION, case_id: silent }, { unit_id: 'county', case_id: silent }]);
  });
});
