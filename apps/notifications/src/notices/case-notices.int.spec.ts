import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import type { IntegrationEnvelope } from '@rectify/contracts';
import { Directory, DirectoryMigrations } from '@rectify/directory';
import { migrateEventStore, PgEventStore, withTransaction } from '@rectify/event-store';
import { freshTestDatabase } from '@rectify/test-kit';
import { NOTIFICATIONS_MIGRATIONS } from '../migrations';
import { CaseNoticesHandler, COMMISSION } from './case-notices.handler';

describe('notices from case events (real PostgreSQL)', () => {
  let pool: Pool;
  let handler: CaseNoticesHandler;
  const caseId = randomUUID();
  const envelope = <T>(type: string, data: T, occurredAt = '2026-03-01T08:00:00.000Z'): IntegrationEnvelope<T> => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: `case-${caseId}`,
    streamVersion: 1,
    position: '1',
    occurredAt,
    recordedAt: occurredAt,
    correlationId: randomUUID(),
    causationId: null,
    actor: { id: 'system:rectification', role: 'system', unitId: null },
    data,
  });
  const apply = (fn: (tx: import('pg').PoolClient) => Promise<void>) => withTransaction(pool, fn);
  const notices = async () => (await pool.query<{ type: string; unit_id: string }>('SELECT type, unit_id FROM notices WHERE case_id = $1 ORDER BY created_at, type, unit_id', [caseId])).rows;
  const pendingReminders = async () => (await pool.query<{ due_at: Date }>(`SELECT due_at FROM reminders WHERE case_id = $1 AND status = 'pending' ORDER BY due_at`, [caseId])).rows.map((r) => r.due_at.toISOString());

  beforeAll(async () => {
    ({ pool } = await freshTestDatabase('rectify_test_notifications_case_notices'));
    await migrateEventStore(pool);
    const runner = { query: (sql: string) => pool.query(sql) } as unknown as QueryRunner;
    for (const Migration of [...DirectoryMigrations, ...NOTIFICATIONS_MIGRATIONS]) await new Migration().up(runner);
    // The directory copy as the gateway's feed leaves it: unit-a reports to the county.
    await pool.query(`INSERT INTO directory_units (id, name, parent_id, version) VALUES ('county', 'County', NULL, 1), ('unit-a', 'Transport', 'county', 1)`);
    handler = new CaseNoticesHandler(new PgEventStore(pool), new Directory(pool));
  });
  afterAll(() => pool.end());

  it('notifies the responsible unit through the lifecycle, escalates to its superior and the commission, and keeps its reminders in step with the deadline', async () => {
    const assigned = envelope('CaseAssigned', { caseId, responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang', deadline: '2026-03-31T08:00:00.000Z' });
    await apply((tx) => handler.onCaseAssigned(assigned, tx));
    await apply((tx) => handler.onCaseAssigned(assigned, tx)); // the same event again: nothing new
    expect(await pendingReminders()).toEqual(['2026-03-24T08:00:00.000Z', '2026-03-30T08:00:00.000Z']);

    await apply((tx) => handler.onDeadlineExtended(envelope('DeadlineExtended', { caseId, previousDeadline: '2026-03-31T08:00:00.000Z', deadline: '2026-04-10T08:00:00.000Z', reason: 'flood' }, '2026-03-02T08:00:00.000Z'), tx));
    expect(await pendingReminders()).toEqual(['2026-04-03T08:00:00.000Z', '2026-04-09T08:00:00.000Z']);

    await apply((tx) => handler.onReturned(envelope('VerificationFailed', { caseId, basis: 're_inspection', note: 'still absent', verifierId: 'u1', verifierUnitId: null, returnCount: 1 }), tx));
    await apply((tx) => handler.onEscalated(envelope('CaseEscalated', { caseId, unitId: 'unit-a', responsibleUnitId: 'unit-a', reason: 'overdue', to: ['superior_unit', 'commission'] }), tx));
    await apply((tx) => handler.onResolved(envelope('CaseResolved', { caseId, unitId: 'unit-a', responsibleUnitId: 'unit-a' }), tx));
    expect(await pendingReminders()).toEqual([]);
    await apply((tx) => handler.onClosed(envelope('CaseClosed', { caseId, note: null }), tx));

    expect((await notices()).map((n) => `${n.type}:${n.unit_id}`).sort()).toEqual(
      ['closed:unit-a', `escalation:${COMMISSION}`, 'escalation:county', 'rectification_notice:unit-a', 'resolved:unit-a', 'returned:unit-a'].sort(),
    );
  });
});
