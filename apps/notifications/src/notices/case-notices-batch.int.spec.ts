import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import type { CaseAssignedV1, IntegrationEnvelope } from '@rectify/contracts';
import { Directory, DirectoryMigrations } from '@rectify/directory';
import { migrateEventStore, PgEventStore, withTransaction } from '@rectify/event-store';
import { freshTestDatabase } from '@rectify/test-kit';
import { NOTIFICATIONS_MIGRATIONS } from '../migrations';
import { CaseNoticesHandler } from './case-notices.handler';

describe('rectification notices for a batch of assignments (real PostgreSQL)', () => {
  let pool: Pool;
  let handler: CaseNoticesHandler;
  const assigned = (caseId: string, responsibleUnitId: string, deadline: string): IntegrationEnvelope<CaseAssignedV1> => ({
    eventId: randomUUID(),
    type: 'CaseAssigned',
    schemaVersion: 1,
    streamId: `case-${caseId}`,
    streamVersion: 2,
    position: '1',
    occurredAt: '2026-03-01T08:00:00.000Z',
    recordedAt: '2026-03-01T08:00:00.000Z',
    correlationId: randomUUID(),
    causationId: null,
    actor: { id: 'system:rectification', role: 'system', unitId: null },
    data: { caseId, responsibleUnitId, responsiblePerson: 'unit principal', deadline },
  });

  beforeAll(async () => {
    ({ pool } = await freshTestDatabase('rectify_test_notifications_case_notices_batch'));
    await migrateEventStore(pool);
    const runner = { query: (sql: string) => pool.query(sql) } as unknown as QueryRunner;
    for (const Migration of [...DirectoryMigrations, ...NOTIFICATIONS_MIGRATIONS]) await new Migration().up(runner);
    handler = new CaseNoticesHandler(new PgEventStore(pool), new Directory(pool));
  });
  afterAll(() => pool.end());

  it('gives each assignment of a batch the effect it has alone, a reassignment in the same batch included, and a repeat none', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const batch = [
      assigned(first, 'unit-a', '2026-03-31T08:00:00.000Z'),
      assigned(second, 'unit-b', '2026-03-16T08:00:00.000Z'),
      assigned(first, 'unit-c', '2026-04-30T08:00:00.000Z'),
    ];
    const cases = [first, second];

    await withTransaction(pool, (tx) => handler.onCasesAssigned(batch, tx));
    await withTransaction(pool, (tx) => handler.onCasesAssigned(batch, tx)); // the same causes again: nothing new

    const notices = await pool.query<{ case_id: string; unit_id: string }>(
      `SELECT case_id, unit_id FROM notices WHERE type = 'rectification_notice' AND case_id = ANY($1) ORDER BY unit_id`, [cases]);
    expect(notices.rows).toEqual([{ case_id: first, unit_id: 'unit-a' }, { case_id: second, unit_id: 'unit-b' }, { case_id: first, unit_id: 'unit-c' }]);
    const issued = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'NoticeIssued' AND stream_version = 1`);
    expect(issued.rows[0].n).toBe(3);
    const units = await pool.query<{ case_id: string; responsible_unit_id: string }>('SELECT case_id, responsible_unit_id FROM case_units WHERE case_id = ANY($1) ORDER BY responsible_unit_id', [cases]);
    expect(units.rows).toEqual([{ case_id: second, responsible_unit_id: 'unit-b' }, { case_id: first, responsible_unit_id: 'unit-c' }]);
    const reminders = await pool.query<{ due_at: Date }>(`SELECT due_at FROM reminders WHERE case_id = $1 AND status = 'pending' ORDER BY due_at`, [first]);
    expect(reminders.rows.map((r) => r.due_at.toISOString())).toEqual(['2026-04-23T08:00:00.000Z', '2026-04-29T08:00:00.000Z']);
  });
});
